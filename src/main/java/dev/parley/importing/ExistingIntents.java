package dev.parley.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.knowledge.StrictYaml;
import dev.parley.text.Phrasing;

/**
 * What an intents folder already holds, read leniently (its problems are the validation's to report): the ids its
 * files take, and whose phrasing each question and example is, so that an import neither overwrites a file nor
 * puts one phrasing under two intents.
 *
 * @param ids             the file names without extension, the out-of-scope file's included
 * @param ownerOfPhrasing {@link Phrasing#comparable} of each question and example, to the id of its intent
 */
record ExistingIntents(Set<String> ids, Map<String, String> ownerOfPhrasing) {

    static ExistingIntents read(Path folder, KnowledgeProperties settings) throws IOException {
        var ids = new HashSet<String>();
        var owners = new HashMap<String, String>();
        if (!Files.isDirectory(folder)) {
            return new ExistingIntents(ids, owners);
        }
        StrictYaml yaml = settings.fileLimits().yaml();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.matches(".*\\.ya?ml")) {
                    continue;
                }
                String id = name.replaceFirst("\\.ya?ml$", "");
                ids.add(id);
                if (settings.fileLimits().sizeProblem(file).isPresent()) {
                    continue;
                }
                if (yaml.parse(Files.readString(file, StandardCharsets.UTF_8)).root() instanceof Map<?, ?> fields) {
                    phrasings(fields).forEach(text -> owners.putIfAbsent(Phrasing.comparable(text), id));
                }
            }
        }
        return new ExistingIntents(ids, owners);
    }

    /** The file names the seeds' index already titles; empty when there is no index or it is no mapping. */
    static Set<String> indexedNames(Path indexFile, KnowledgeProperties settings) throws IOException {
        var names = new HashSet<String>();
        if (Files.isRegularFile(indexFile) && settings.fileLimits().yaml()
                .parse(Files.readString(indexFile, StandardCharsets.UTF_8)).root() instanceof Map<?, ?> entries) {
            entries.keySet().forEach(key -> names.add(String.valueOf(key)));
        }
        return names;
    }

    private static Stream<String> phrasings(Map<?, ?> fields) {
        Stream<Object> question = Stream.of(fields.get("question"));
        Stream<?> examples = fields.get("examples") instanceof List<?> list ? list.stream() : Stream.empty();
        return Stream.concat(question, examples).filter(String.class::isInstance).map(String.class::cast);
    }
}

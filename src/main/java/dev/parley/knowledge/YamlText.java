package dev.parley.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a reader sees in a YAML document (a Rasa {@code domain.yml} an import quotes the responses of): its text
 * values, one a line, in the order they stand, with quoting and escapes undone and keys left out. A file that is no
 * YAML reads as its raw text.
 */
final class YamlText {

    // a Rasa domain is a few hundred KB at most; the parser still bounds what it reads
    private static final IntentFileLimits LIMITS = new IntentFileLimits(16L * 1024 * 1024);

    private YamlText() {
    }

    static String of(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        StrictYaml.Parsed parsed = LIMITS.yaml().parse(text);
        if (parsed.problem().isPresent()) {
            return text;
        }
        var values = new StringBuilder();
        append(parsed.root(), values);
        return values.toString();
    }

    private static void append(Object node, StringBuilder values) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> append(value, values));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> append(item, values));
        } else if (node != null) {
            values.append(node).append('\n');
        }
    }
}

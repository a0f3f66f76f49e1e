package dev.parley.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.parley.knowledge.IntentFileLimits;
import dev.parley.knowledge.StrictYaml;
import dev.parley.text.Phrasing;

/**
 * A Rasa project's NLU file ({@code nlu.yml}: intents with their examples) with the responses of its domain
 * ({@code domain.yml}): each intent becomes an entry whose first example is its question, the others its other
 * questions, and whose answer is the first text of its response. An intent's response is {@code utter_<intent>},
 * unless a rule or a story follows the intent with another {@code utter_} action. Entity annotations
 * ({@code [Paris](city)}, {@code [Paris]{"entity": "city"}}) are reduced to their text.
 *
 * <p>The domain and the rules or stories are the files given beside the NLU file ({@link #isCompanion}); without them,
 * {@code domain.yml} is looked for in the NLU file's folder and the one above it (Rasa's layout: {@code data/nlu.yml}
 * and {@code domain.yml}), and {@code rules.yml} and {@code stories.yml} beside the NLU file. The domain is the
 * document the answers quote.
 */
final class RasaFormat implements FaqFormat {

    private static final Pattern ENTITY = Pattern.compile("\\[([^\\]]*)\\](?:\\([^)]*\\)|\\{[^}]*\\})");
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([a-z_]+):");
    private static final String RESPONSE_PREFIX = "utter_";
    private static final IntentFileLimits LIMITS = new IntentFileLimits(16L * 1024 * 1024);

    private final List<Path> companions;

    /** Reads NLU files with these domain, rules and stories files (an empty list: those beside each NLU file). */
    RasaFormat(List<Path> companions) {
        this.companions = List.copyOf(companions);
    }

    @Override
    public String name() {
        return "rasa";
    }

    @Override
    public boolean recognises(Path file, String head) {
        return isYaml(file) && topKeys(head).contains("nlu");
    }

    /** Whether a file is a Rasa domain, rules or stories file: read with an NLU file, not an FAQ on its own. */
    static boolean isCompanion(Path file, String head) {
        List<String> keys = topKeys(head);
        return isYaml(file) && !keys.contains("nlu")
                && (keys.contains("responses") || keys.contains("rules") || keys.contains("stories"));
    }

    @Override
    public FoundSource read(Path file) throws IOException {
        Map<?, ?> nlu = mapping(file);
        if (!(nlu.get("nlu") instanceof List<?> items)) {
            throw new IllegalArgumentException("is no Rasa NLU file: it has no 'nlu:' list of intents");
        }
        Path domainFile = domain(file);
        Map<String, String> responses = responses(domainFile);
        Map<String, String> mapped = responsesByIntent(file);
        var entries = new ArrayList<FoundFaq>();
        var skipped = new ArrayList<String>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("intent") instanceof String intent)) {
                continue; // synonyms, regexes and lookup tables teach no answer
            }
            List<String> examples = examples(entry.get("examples"));
            if (examples.isEmpty()) {
                skipped.add("intent '" + intent + "': no examples");
                continue;
            }
            String response = mapped.getOrDefault(intent, RESPONSE_PREFIX + intent);
            String text = responses.get(response);
            if (text == null) {
                skipped.add("intent '" + intent + "': no response '" + response + "' with a text in "
                        + domainFile.getFileName() + (mapped.containsKey(intent) ? ""
                        : " (and no rule or story maps the intent to another)"));
                continue;
            }
            entries.add(new FoundFaq(examples.get(0), examples.subList(1, examples.size()), text, text,
                    Optional.empty()));
        }
        return new FoundSource(domainFile, name(), entries, skipped, Optional.empty(), Optional.empty());
    }

    private Path domain(Path nluFile) throws IOException {
        for (Path companion : companions) {
            if (topKeys(head(companion)).contains("responses")) {
                return companion;
            }
        }
        Path folder = nluFile.toAbsolutePath().getParent();
        for (Path candidate : new Path[] {folder, folder.getParent()}) {
            for (String name : List.of("domain.yml", "domain.yaml")) {
                if (candidate != null && Files.isRegularFile(candidate.resolve(name))) {
                    return candidate.resolve(name);
                }
            }
        }
        throw new IllegalArgumentException("has no domain beside it: give the Rasa domain.yml too (import "
                + nluFile + " domain.yml), or put it in " + folder + " or the folder above");
    }

    /** The first text of every response in the domain, by response name. */
    private static Map<String, String> responses(Path domainFile) throws IOException {
        Map<?, ?> domain = mapping(domainFile);
        Object responses = domain.containsKey("responses") ? domain.get("responses") : domain.get("templates");
        var texts = new HashMap<String, String>();
        if (responses instanceof Map<?, ?> byName) {
            byName.forEach((name, variations) -> {
                if (variations instanceof List<?> list) {
                    list.stream().filter(Map.class::isInstance).map(Map.class::cast)
                            .map(variation -> variation.get("text")).filter(String.class::isInstance)
                            .map(String.class::cast).map(String::strip).filter(text -> !text.isEmpty()).findFirst()
                            .ifPresent(text -> texts.put(String.valueOf(name), text));
                }
            });
        }
        return texts;
    }

    /** The responses rules and stories give intents: an intent step followed by an {@code utter_} action. */
    private Map<String, String> responsesByIntent(Path nluFile) throws IOException {
        var files = new ArrayList<Path>();
        for (Path companion : companions) {
            List<String> keys = topKeys(head(companion));
            if (keys.contains("rules") || keys.contains("stories")) {
                files.add(companion);
            }
        }
        if (files.isEmpty()) {
            Path folder = nluFile.toAbsolutePath().getParent();
            for (String name : List.of("rules.yml", "rules.yaml", "stories.yml", "stories.yaml")) {
                if (Files.isRegularFile(folder.resolve(name))) {
                    files.add(folder.resolve(name));
                }
            }
        }
        var mapped = new LinkedHashMap<String, String>();
        for (Path file : files) {
            Map<?, ?> content = mapping(file);
            for (String key : List.of("rules", "stories")) {
                if (content.get(key) instanceof List<?> flows) {
                    for (Object flow : flows) {
                        if (flow instanceof Map<?, ?> steps && steps.get("steps") instanceof List<?> list) {
                            map(list, mapped);
                        }
                    }
                }
            }
        }
        return mapped;
    }

    private static void map(List<?> steps, Map<String, String> mapped) {
        for (int i = 0; i + 1 < steps.size(); i++) {
            if (steps.get(i) instanceof Map<?, ?> step && step.get("intent") instanceof String intent
                    && steps.get(i + 1) instanceof Map<?, ?> next && next.get("action") instanceof String action
                    && action.startsWith(RESPONSE_PREFIX)) {
                mapped.putIfAbsent(intent, action);
            }
        }
    }

    /** An intent's examples: a block of "- " lines (or a list), annotations reduced to their text, repeats dropped. */
    private static List<String> examples(Object value) {
        var lines = new ArrayList<String>();
        if (value instanceof String block) {
            for (String line : block.split("\\R")) {
                String stripped = line.strip();
                if (stripped.startsWith("- ")) {
                    lines.add(stripped.substring(2));
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                Object text = item instanceof Map<?, ?> map ? map.get("text") : item;
                if (text instanceof String example) {
                    lines.add(example.strip().replaceFirst("^- ", ""));
                }
            }
        }
        var seen = new HashSet<String>();
        var examples = new ArrayList<String>();
        for (String line : lines) {
            String example = ENTITY.matcher(line).replaceAll("$1").strip();
            if (!example.isEmpty() && seen.add(Phrasing.comparable(example))) {
                examples.add(example);
            }
        }
        return examples;
    }

    private static Map<?, ?> mapping(Path file) throws IOException {
        StrictYaml.Parsed parsed = LIMITS.yaml().parse(Files.readString(file, StandardCharsets.UTF_8));
        if (parsed.problem().isPresent()) {
            throw new IllegalArgumentException(file.getFileName() + " " + parsed.problem().get());
        }
        if (!(parsed.root() instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file.getFileName() + " is no Rasa file: it holds no YAML mapping");
        }
        return map;
    }

    private static String head(Path file) throws IOException {
        return FaqFormats.head(file);
    }

    private static List<String> topKeys(String head) {
        return TOP_KEY.matcher(head).results().map(match -> match.group(1)).toList();
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }
}

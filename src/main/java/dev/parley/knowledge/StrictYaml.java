package dev.parley.knowledge;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one YAML parser of the knowledge's files, so what curation's editor reads back is what a reload will read:
 * plain maps, lists and scalars only (no tags that build objects), no duplicate keys, few aliases, shallow nesting,
 * and at most as many code points as a file may have bytes ({@link IntentFileLimits}). A text that is no YAML is
 * told in the same words wherever it is read. Made by {@link IntentFileLimits#yaml()}; thread-safe, since each
 * parse uses a parser of its own (SnakeYAML's is not).
 */
public final class StrictYaml {

    // An intent nests two levels (the source mapping in the file's mapping); a few aliases are a convenience.
    private static final int MAX_NESTING_DEPTH = 10;
    private static final int MAX_ALIASES = 10;

    private final int maxCodePoints;

    StrictYaml(int maxCodePoints) {
        this.maxCodePoints = maxCodePoints;
    }

    /** What kind of YAML value was found where another was expected, in the words every file's problems use. */
    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String text) {
            return text.isBlank() ? "blank text" : "text";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /**
     * What a text holds.
     *
     * @param root    the document: a map, a list, a scalar, or null for an empty one
     * @param problem why the text is no YAML, in words to follow the file's name ("is not valid YAML: …"); empty
     *                when it is YAML
     */
    public record Parsed(Object root, Optional<String> problem) {
    }

    /** Parses {@code text}; a text that is no YAML is a result too, with its problem. */
    public Parsed parse(String text) {
        try {
            return new Parsed(parser().load(text), Optional.empty());
        } catch (YAMLException e) {
            return new Parsed(null, Optional.of("is not valid YAML: " + e.getMessage().replaceAll("\\s+", " ").strip()));
        }
    }

    /** The node tree of {@code text}, with where each node stands in it, for editing the text in place. */
    public Node compose(String text) {
        return parser().compose(new StringReader(text));
    }

    private Yaml parser() {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(maxCodePoints);
        return new Yaml(new SafeConstructor(options));
    }
}

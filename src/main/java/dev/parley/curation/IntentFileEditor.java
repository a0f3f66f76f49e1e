package dev.parley.curation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

import dev.parley.knowledge.IntentFileLimits;
import dev.parley.knowledge.IntentProblem;
import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.knowledge.StrictYaml;

/**
 * Appends examples to the {@code examples:} list of an intent file by inserting lines into its text, so that the
 * curator's comments, key order, quoting and indentation stay exactly as they were; re-dumping the YAML would lose
 * all of them. Each new example is one scalar written by SnakeYAML's own emitter (plain when that reads back as the
 * same text, quoted when not), and the edited text is parsed again to prove that only the examples changed.
 */
final class IntentFileEditor {

    private static final String EXAMPLES = "examples";

    private final IntentFileLimits limits;

    IntentFileEditor(IntentFileLimits limits) {
        this.limits = limits;
    }

    /**
     * The intent file's text with {@code examples} added at the end of its examples list.
     *
     * @param file     the file's name, for problems
     * @param text     its current text
     * @param examples single-line texts to add
     * @throws InvalidKnowledgeException when the file is no YAML mapping with an examples list, or the list cannot
     *                                   be extended without changing anything else
     */
    String withExamplesAppended(String file, String text, List<String> examples) {
        Map<?, ?> before = fields(file, text);
        SequenceNode list = examplesNode(file, text);
        var lines = new Lines(text);
        Node last = list.getValue().get(list.getValue().size() - 1);
        String edited;
        if (list.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            // [a, b] gets ", c" after its last item; plain scalars in flow context cannot hold ",[]{}", so quote.
            var added = new StringBuilder();
            examples.forEach(example ->
                    added.append(", ").append(scalar(example, DumperOptions.ScalarStyle.DOUBLE_QUOTED)));
            int at = lines.offset(last.getEndMark().getLine(), last.getEndMark().getColumn());
            edited = text.substring(0, at) + added + text.substring(at);
        } else {
            String itemPrefix = " ".repeat(list.getStartMark().getColumn()) + dashOf(lines, last, list);
            String lineBreak = text.contains("\r\n") ? "\r\n" : "\n";
            var added = new StringBuilder();
            examples.forEach(example -> added.append(itemPrefix).append(blockScalar(example)).append(lineBreak));
            int endLine = last.getEndMark().getLine();
            // A block scalar (| or >) ends at the start of the line after it; anything else ends within its line.
            boolean endsAtLineStart = last.getEndMark().getColumn() == 0 && endLine > last.getStartMark().getLine();
            int insertLine = endsAtLineStart ? endLine : endLine + 1;
            if (insertLine < lines.count()) {
                int at = lines.start(insertLine);
                edited = text.substring(0, at) + added + text.substring(at);
            } else {
                boolean endsWithBreak = text.endsWith("\n") || text.endsWith("\r");
                edited = text + (endsWithBreak ? "" : lineBreak) + added;
            }
        }
        // Refused here rather than by the reload after it, with the reason instead of a failed read-back.
        limits.sizeProblem(file, edited.getBytes(StandardCharsets.UTF_8).length).ifPresent(tooLarge -> {
            throw new InvalidKnowledgeException(List.of(new IntentProblem(file, EXAMPLES,
                    "cannot take these examples: with them the file " + tooLarge.reason())));
        });
        verify(file, before, edited, examples);
        return edited;
    }

    /** The examples the file lists now, as text; empty when it lists none or cannot be read. */
    List<String> examplesIn(String text) {
        // A file that is no YAML lists none here: the edit itself reports it, by name and reason.
        if (yaml().parse(text).root() instanceof Map<?, ?> fields && fields.get(EXAMPLES) instanceof List<?> items) {
            return items.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private SequenceNode examplesNode(String file, String text) {
        // Parsed already by fields(), so composing cannot fail here.
        var mapping = (MappingNode) yaml().compose(text);
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key && EXAMPLES.equals(key.getValue())) {
                if (entry.getValueNode() instanceof SequenceNode list && !list.getValue().isEmpty()) {
                    return list;
                }
                throw problem(file, EXAMPLES, "is not a list with examples in it, so nothing can be added to it");
            }
        }
        throw problem(file, EXAMPLES, "is missing, so nothing can be added to it");
    }

    // The last item's own "- " (with its spacing), so new items look like the ones before them.
    private static String dashOf(Lines lines, Node last, SequenceNode list) {
        String line = lines.text(last.getStartMark().getLine());
        int column = list.getStartMark().getColumn();
        if (line.length() > column && line.charAt(column) == '-') {
            int end = column + 1;
            while (end < line.length() && line.charAt(end) == ' ') {
                end++;
            }
            if (end > column + 1) {
                return line.substring(column, end);
            }
        }
        return "- ";
    }

    private static String blockScalar(String example) {
        String plainOrQuoted = scalar(example, DumperOptions.ScalarStyle.PLAIN);
        // The emitter falls back to quoting by itself; a scalar spread over lines would be a surprise in a list.
        return plainOrQuoted.contains("\n") ? scalar(example, DumperOptions.ScalarStyle.DOUBLE_QUOTED) : plainOrQuoted;
    }

    private static String scalar(String text, DumperOptions.ScalarStyle style) {
        var options = new DumperOptions();
        options.setDefaultScalarStyle(style);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        String dumped = new Yaml(new Representer(options), options).dump(text);
        return dumped.endsWith("\n") ? dumped.substring(0, dumped.length() - 1) : dumped;
    }

    private Map<?, ?> fields(String file, String text) {
        StrictYaml.Parsed parsed = yaml().parse(text);
        if (parsed.problem().isPresent()) {
            throw problem(file, "-", parsed.problem().get());
        }
        if (!(parsed.root() instanceof Map<?, ?> fields)) {
            throw problem(file, "-", "is not a YAML mapping, so it has no examples list to add to");
        }
        return fields;
    }

    private void verify(String file, Map<?, ?> old, String after, List<String> added) {
        Object edited = yaml().parse(after).root();
        var expectedExamples = new ArrayList<Object>((List<?>) old.get(EXAMPLES));
        expectedExamples.addAll(added);
        if (!(edited instanceof Map<?, ?> now) || !Objects.equals(now.get(EXAMPLES), expectedExamples)
                || !withoutExamples(old).equals(withoutExamples(now))) {
            throw problem(file, EXAMPLES, "cannot be extended without changing the rest of the file; "
                    + "add the examples by hand");
        }
    }

    private static Map<Object, Object> withoutExamples(Map<?, ?> fields) {
        var rest = new LinkedHashMap<Object, Object>(fields);
        rest.remove(EXAMPLES);
        return rest;
    }

    private static InvalidKnowledgeException problem(String file, String field, String reason) {
        return new InvalidKnowledgeException(List.of(new IntentProblem(file, field, reason)));
    }

    // The intent loader's own parser, so what this reads back is what a reload will read.
    private StrictYaml yaml() {
        return limits.yaml();
    }

    /** Where each line of a text starts, with YAML's line breaks (\n, \r\n, \r, NEL, LS, PS). */
    private static final class Lines {
        private final String text;
        private final List<Integer> starts = new ArrayList<>();

        Lines(String text) {
            this.text = text;
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                    starts.add(i + 1);
                } else if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    starts.add(i + 1);
                }
            }
        }

        int count() {
            return starts.size();
        }

        int start(int line) {
            return starts.get(line);
        }

        String text(int line) {
            int end = line + 1 < starts.size() ? starts.get(line + 1) : text.length();
            return text.substring(starts.get(line), end);
        }

        // SnakeYAML counts columns in code points; the String counts UTF-16 units.
        int offset(int line, int column) {
            return text.offsetByCodePoints(starts.get(line), column);
        }
    }
}

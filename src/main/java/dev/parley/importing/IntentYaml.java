package dev.parley.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Intent files and index entries as the import writes them: the format of {@code intents/*.yaml}, block style, a
 * multi-line answer or excerpt as a literal block ({@code |}), and a text quoted only where YAML would read it as
 * something else ({@code 'yes'}, {@code '42'}, {@code 'a: b'}).
 */
final class IntentYaml {

    private IntentYaml() {
    }

    /** One imported intent's file; {@code examples} only when there are questions beside the canonical one. */
    static String intent(String question, List<String> examples, String answer, String document, String excerpt,
                         Optional<String> url) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("question", question);
        if (!examples.isEmpty()) {
            fields.put("examples", examples);
        }
        fields.put("answer", answer);
        var source = new LinkedHashMap<String, Object>();
        source.put("document", document);
        source.put("excerpt", excerpt);
        url.ifPresent(link -> source.put("url", link));
        fields.put("source", source);
        return yaml().dump(fields);
    }

    /** The entry of one document in the seeds' index, to append to it: its file name, title and link. */
    static String documentEntry(String name, String title, Optional<String> url) {
        var document = new LinkedHashMap<String, Object>();
        document.put("title", title);
        url.ifPresent(link -> document.put("url", link));
        return yaml().dump(Map.of(name, document));
    }

    private static Yaml yaml() {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        return new Yaml(new TextRepresenter(options), options);
    }

    /** Text of several lines as a literal block, so an answer reads in the file as it reads in the chat. */
    private static final class TextRepresenter extends Representer {
        TextRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(String.class, data -> {
                String text = (String) data;
                return representScalar(Tag.STR, text,
                        text.contains("\n") ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN);
            });
        }
    }
}

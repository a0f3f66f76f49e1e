package dev.parley.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questions and answers of a page's schema.org {@code FAQPage} in JSON-LD ({@code <script
 * type="application/ld+json">}): at the top of a script, in an array of them, or in an {@code @graph}; each
 * {@code mainEntity} {@code Question}'s {@code name} and its {@code acceptedAnswer}'s {@code text} (a
 * {@code suggestedAnswer} when none is accepted).
 */
public final class FaqPageJsonLd {

    /**
     * One question of the FAQPage.
     *
     * @param question   the question's {@code name}, as written (schema.org allows markup in it)
     * @param answerHtml the answer's {@code text}, HTML or plain text
     * @param url        the question's own {@code url} or {@code @id}, when it names one, as written (perhaps
     *                   relative: {@code #shipping})
     */
    public record Entry(String question, String answerHtml, Optional<String> url) {
        public Entry {
            Objects.requireNonNull(question, "question must not be null");
            Objects.requireNonNull(answerHtml, "answerHtml must not be null");
            Objects.requireNonNull(url, "url must not be null (use Optional.empty())");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FaqPageJsonLd() {
    }

    /** Reads every JSON-LD script of {@code page}; a script that is not JSON adds a line to {@code problems}. */
    static List<Entry> read(Document page, List<String> problems) {
        var entries = new ArrayList<Entry>();
        int index = 0;
        for (Element script : page.select("script[type]")) {
            if (!script.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                continue;
            }
            index++;
            try {
                collect(JSON.readTree(script.data()), entries);
            } catch (JacksonException e) {
                problems.add("JSON-LD script " + index + " is not readable JSON: " + e.getOriginalMessage());
            }
        }
        return entries;
    }

    private static void collect(JsonNode node, List<Entry> entries) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.values().forEach(item -> collect(item, entries));
        } else if (node.isObject()) {
            if (hasType(node, "FAQPage")) {
                asList(node.get("mainEntity")).forEach(question -> entry(question).ifPresent(entries::add));
            } else {
                collect(node.get("@graph"), entries);
            }
        }
    }

    private static Optional<Entry> entry(JsonNode question) {
        if (!question.isObject() || !hasType(question, "Question")) {
            return Optional.empty();
        }
        Optional<String> name = string(question.get("name"));
        JsonNode answer = asList(question.get("acceptedAnswer")).stream().findFirst()
                .orElseGet(() -> asList(question.get("suggestedAnswer")).stream().findFirst().orElse(null));
        Optional<String> text = answer == null ? Optional.empty() : string(answer.get("text"));
        if (name.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> url = string(question.get("url")).or(() -> string(question.get("@id")));
        return Optional.of(new Entry(name.get(), text.get(), url));
    }

    // "@type" is a name ("FAQPage"), a URL ("https://schema.org/FAQPage"), a prefixed name, or a list of them.
    private static boolean hasType(JsonNode node, String type) {
        return asList(node.get("@type")).stream().map(FaqPageJsonLd::string).flatMap(Optional::stream)
                .anyMatch(name -> name.equals(type) || name.endsWith("/" + type) || name.endsWith(":" + type));
    }

    private static List<JsonNode> asList(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? List.copyOf(node.values()) : List.of(node);
    }

    private static Optional<String> string(JsonNode node) {
        return node != null && node.isString() ? Optional.of(node.stringValue()).filter(s -> !s.isBlank())
                : Optional.empty();
    }
}

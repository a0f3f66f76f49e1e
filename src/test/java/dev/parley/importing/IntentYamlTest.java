package dev.parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.knowledge.IntentFileLimits;

/** What the import writes reads back, through the loader's own parser, as exactly what was found. */
class IntentYamlTest {

    @Test
    void textYamlWouldReadAsSomethingElseIsQuotedAndSeveralLinesAreALiteralBlock() {
        String yaml = IntentYaml.intent("yes", List.of("42", "icc: who refers?", "- a list?", "#hash"),
                "Line one: with a colon.\n\n  indented second line\n", "faq.csv", "null",
                Optional.of("https://www.example.org/faq#a"));

        Object root = new IntentFileLimits(1024 * 1024).yaml().parse(yaml).root();
        assertThat(root).isEqualTo(Map.of("question", "yes",
                "examples", List.of("42", "icc: who refers?", "- a list?", "#hash"),
                "answer", "Line one: with a colon.\n\n  indented second line\n",
                "source", Map.of("document", "faq.csv", "excerpt", "null", "url", "https://www.example.org/faq#a")));
        assertThat(yaml).contains("answer: |");
    }

    @Test
    void noExamplesKeyWithoutOtherQuestions() {
        String yaml = IntentYaml.intent("When do you open?", List.of(), "At nine.", "faq.csv", "At nine.",
                Optional.empty());

        assertThat(yaml).isEqualTo("""
                question: When do you open?
                answer: At nine.
                source:
                  document: faq.csv
                  excerpt: At nine.
                """);
    }
}

package dev.parley.importing;

import static dev.parley.importing.ImportFixtures.assertExcerptsFoundByDocumentText;
import static dev.parley.importing.ImportFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.knowledge.DocumentText;

class MarkdownFaqFormatTest {

    private final MarkdownFaqFormat format = new MarkdownFaqFormat();

    @Test
    void readsHeadingsBoldLinesAndLabelledPairs() throws IOException {
        FoundSource found = format.read(page("faq.md"));

        assertThat(found.format()).isEqualTo("markdown");
        assertThat(found.title()).contains("Garden club FAQ");
        assertThat(found.url()).isEmpty();
        assertThat(found.entries()).extracting(FoundFaq::question, FoundFaq::answer, FoundFaq::excerpt)
                .containsExactly(
                        tuple("How do I join?",
                                "Fill in the [form][join] and pay the **yearly fee**.\n\nMembers get:\n\n"
                                        + "- the newsletter\n- seeds in spring",
                                "Fill in the form and pay the yearly fee.\n\nMembers get:\n\nthe newsletter\n\n"
                                        + "seeds in spring"),
                        tuple("When do we meet?", "Every first *Saturday* of the month, at the community hall.",
                                "Every first Saturday of the month, at the community hall."),
                        tuple("Can children come?", "Yes, with an adult.", "Yes, with an adult."),
                        tuple("Is there parking?", "Only on the street.", "Only on the street."));
        assertThat(found.entries()).allSatisfy(entry -> assertThat(entry.url()).isEmpty());
        assertExcerptsFoundByDocumentText(found);
    }

    @Test
    void theSeedsFolderReadsMarkdownRendered() throws IOException {
        assertThat(DocumentText.of(page("faq.md")))
                .startsWith("Garden club FAQ\n\nEverything members ask us, in one place.\n\nHow do I join?\n\n"
                        + "Fill in the form and pay the yearly fee.")
                .doesNotContain("**", "](", "[join]", "##");
    }

    @Test
    void anAnswerWithRawHtmlIsQuotedAsItsReaderSeesIt(@TempDir Path folder) throws IOException {
        Path document = Files.writeString(folder.resolve("faq.markdown"), """
                ### Which cards do you take?

                Visa and <abbr title="MasterCard">MC</abbr>.

                <div class="note">No <b>cheques</b>.</div>
                """);

        FoundSource found = format.read(document);

        assertThat(found.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.question()).isEqualTo("Which cards do you take?");
            assertThat(entry.excerpt()).isEqualTo("Visa and MC.\n\nNo cheques.");
        });
        assertExcerptsFoundByDocumentText(found);
    }

    @Test
    void aDocumentWithoutPairsIsAClearError(@TempDir Path folder) throws IOException {
        Path document = Files.writeString(folder.resolve("notes.md"), "# Notes\n\nNothing asked here.\n");

        assertThatThrownBy(() -> format.read(document)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes.md: no questions and answers found");
    }

    @Test
    void aQuestionInsideCodeAsksNothing(@TempDir Path folder) throws IOException {
        Path document = Files.writeString(folder.resolve("faq.md"), """
                ## How do I print?

                Run:

                ```
                # why?
                print --all
                ```
                """);

        assertThat(format.read(document).entries()).singleElement()
                .satisfies(entry -> assertThat(entry.answer()).isEqualTo("Run:\n\n```\n# why?\nprint --all\n```"));
    }

    @Test
    void recognisesMarkdownByNameAndNothingElse() {
        assertThat(format.recognises(Path.of("faq.md"), "# FAQ")).isTrue();
        assertThat(format.recognises(Path.of("FAQ.Markdown"), "Q: x?")).isTrue();
        assertThat(format.recognises(Path.of("faq.txt"), "## How?\n\nLike this.")).isFalse();
        assertThat(format.recognises(Path.of("faq.csv"), "question,answer")).isFalse();
        assertThat(format.recognises(Path.of("domain.yml"), "responses:")).isFalse();
        assertThat(format.recognises(Path.of("saved.md"), "<!DOCTYPE html><html>")).as("a page, whatever its name")
                .isFalse();
    }
}

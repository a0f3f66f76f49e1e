package dev.parley.importing;

import static dev.parley.importing.ImportFixtures.assertExcerptsFoundByDocumentText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFaqFormatTest {

    private static final Path SEED_DOCUMENT = Path.of("seeds", "001_8a14780a7a8b68cd.txt");

    private final TextFaqFormat format = new TextFaqFormat();

    @Test
    void theSeedDocumentsThreePairsAreFoundAsTheDocumentWordsThem() throws IOException {
        String document = Files.readString(SEED_DOCUMENT);

        FoundSource found = format.read(SEED_DOCUMENT);

        assertThat(found.format()).isEqualTo("text");
        assertThat(found.title())
                .contains("What is the role of international organizations in addressing issues of migration");
        assertThat(found.entries()).extracting(FoundFaq::question).containsExactly(
                "What is the role of international organizations in advocating for migrants' rights?",
                "How do international organizations contribute to the development of migration policies?",
                "What role do international organizations play in providing humanitarian assistance to migrants?");
        assertThat(found.entries()).allSatisfy(entry -> {
            // The answer is the document's own line after "A: ", word for word: nothing added, nothing left out.
            assertThat(document).contains("\nA: " + entry.answer() + "\n");
            assertThat(entry.excerpt()).isEqualTo(entry.answer());
            assertThat(entry.url()).isEmpty();
        });
        assertThat(found.entries().get(0).answer()).startsWith("International organizations play a crucial role in "
                + "advocating for migrants' rights.").endsWith("safeguard the rights and well-being of migrants.");
        assertThat(found.skipped()).isEmpty();
        assertExcerptsFoundByDocumentText(found);
    }

    @Test
    void labelsInAnyCaseAndOnOneLine(@TempDir Path folder) throws IOException {
        Path document = Files.writeString(folder.resolve("faq.txt"), """
                question: Do you ship abroad?
                answer: Yes, to the whole of Europe.
                Outside Europe, ask us first. Why? Customs.

                Q: Is it free? A: Above 50 euros.
                """);

        FoundSource found = format.read(document);

        assertThat(found.entries()).extracting(FoundFaq::question, FoundFaq::answer).containsExactly(
                tuple("Do you ship abroad?", "Yes, to the whole of Europe.\nOutside Europe, ask us first. Why? Customs."),
                tuple("Is it free?", "Above 50 euros."));
        assertExcerptsFoundByDocumentText(found);
    }

    @Test
    void linesOfTheirOwnThatAskWhenThereAreNoLabels(@TempDir Path folder) throws IOException {
        Path document = Files.writeString(folder.resolve("faq.txt"), """
                Opening hours

                When are you open?
                From 9 to 5.

                Où est la gare ?
                Au bout de la rue.
                """);

        FoundSource found = format.read(document);

        assertThat(found.title()).contains("Opening hours");
        assertThat(found.entries()).extracting(FoundFaq::question, FoundFaq::answer).containsExactly(
                tuple("When are you open?", "From 9 to 5."), tuple("Où est la gare ?", "Au bout de la rue."));
        assertExcerptsFoundByDocumentText(found);
    }

    @Test
    void aTextWithoutPairsIsAClearErrorNotAnEmptyImport(@TempDir Path folder) throws IOException {
        Path document = Files.writeString(folder.resolve("essay.txt"), "An essay.\n\nIt asks nothing.\n");

        assertThatThrownBy(() -> format.read(document)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("essay.txt: no questions and answers found")
                .hasMessageContaining("'Q: ...' followed by 'A: ...'");
    }

    @Test
    void recognisesOnlyTextFilesThatHoldPairs(@TempDir Path folder) throws IOException {
        Path faq = Files.writeString(folder.resolve("faq.txt"), "Intro.\n".repeat(5000) + "\nQ: Why?\nA: Because.\n");
        Path essay = Files.writeString(folder.resolve("essay.txt"), "An essay.\n\nIt asks nothing.\n");
        Path table = Files.writeString(folder.resolve("qna.txt"), "Question\tAnswer\nHow?\tLike this.\n");

        assertThat(format.recognises(faq, Files.readString(faq).substring(0, 100))).as("pairs past the head").isTrue();
        assertThat(format.recognises(SEED_DOCUMENT, Files.readString(SEED_DOCUMENT).substring(0, 200))).isTrue();
        assertThat(format.recognises(essay, Files.readString(essay))).isFalse();
        assertThat(format.recognises(table, Files.readString(table))).as("a tab-separated table").isFalse();
        assertThat(format.recognises(Path.of("faq.md"), "Q: Why?\nA: Because.")).isFalse();
        assertThat(format.recognises(Path.of("nlu.yml"), "nlu:\n- intent: greet")).isFalse();
    }
}

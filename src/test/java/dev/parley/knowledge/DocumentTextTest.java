package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the seeds folder reads of the files an import copies: their text as a reader sees it, unescaped. */
class DocumentTextTest {

    @TempDir
    Path folder;

    @Test
    void aCsvTableIsItsCellsWithQuotesUndone() throws IOException {
        Path table = Files.writeString(folder.resolve("faq.csv"), "\uFEFFQuestion,Answer\r\n"
                + "Reset?,\"Choose \"\"Reset password\"\",\r\nthen wait.\"\r\n");

        assertThat(DocumentText.isDocument("faq.csv")).isTrue();
        assertThat(DocumentText.of(table)).isEqualTo("Question\nAnswer\nReset?\nChoose \"Reset password\",\r\n"
                + "then wait.");
    }

    @Test
    void aTsvTableIsSplitAtTabs() throws IOException {
        Path table = Files.writeString(folder.resolve("faq.tsv"), "Question\tAnswer\nOpen?\tYes, at 9.\n");

        assertThat(DocumentText.of(table)).isEqualTo("Question\nAnswer\nOpen?\nYes, at 9.");
    }

    @Test
    void aYamlDocumentIsItsTextValuesWithoutKeys() throws IOException {
        Path domain = Files.writeString(folder.resolve("domain.yml"), """
                responses:
                  utter_hours:
                  - text: "We open at \\"nine\\"."
                  utter_bye:
                  - text: Bye
                """);

        assertThat(DocumentText.isDocument("domain.yml")).isTrue();
        assertThat(DocumentText.of(domain)).isEqualTo("We open at \"nine\".\nBye\n");
    }

    @Test
    void anExcerptIsCheckedAgainstTheTextAReaderSees() throws IOException {
        Files.writeString(folder.resolve("faq.csv"), "Question,Answer\nReset?,\"Choose \"\"Reset password\"\".\"\n");

        SeedDocuments seeds = SeedDocuments.readFrom(folder);

        assertThat(seeds.quotes("faq.csv", "Choose \"Reset password\".")).isTrue();
        assertThat(seeds.quotes("faq.csv", "Choose \"\"Reset password\"\".")).as("the file's escapes").isFalse();
    }
}

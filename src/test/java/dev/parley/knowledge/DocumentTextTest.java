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

    @Test
    void theSeedsFolderChecksExcerptsOfPagesAndMarkdownAgainstWhatTheirReaderSees() throws IOException {
        Files.writeString(folder.resolve("faq.html"), """
                <html><head><script type="application/ld+json">
                {"@type": "FAQPage", "mainEntity": {"@type": "Question", "name": "Is it &lt;free&gt;?",
                 "acceptedAnswer": {"@type": "Answer", "text": "<p>Yes, <b>always</b>.</p>"}}}
                </script></head>
                <body><p>Caf&eacute; &amp; <em>cr&egrave;me</em>.</p><script>hidden()</script></body></html>""");
        Files.writeString(folder.resolve("faq.md"), "## Why?\n\nBecause **it** [works](https://example.org).\n");
        Files.writeString(folder.resolve("notes.MD"), "Plain *note*.");

        SeedDocuments documents = SeedDocuments.readFrom(folder);

        assertThat(documents.names()).containsExactly("faq.html", "faq.md", "notes.MD");
        assertThat(documents.quotes("faq.html", "Café & crème.")).isTrue();
        assertThat(documents.quotes("faq.html", "Yes, always.")).as("the FAQPage JSON-LD's answer").isTrue();
        assertThat(documents.quotes("faq.html", "Is it <free>?")).as("and its question").isTrue();
        assertThat(documents.quotes("faq.html", "hidden()")).as("a script is never seen").isFalse();
        assertThat(documents.quotes("faq.html", "&amp;")).isFalse();
        assertThat(documents.quotes("faq.md", "Because it works.")).isTrue();
        assertThat(documents.quotes("faq.md", "**it**")).isFalse();
        assertThat(documents.quotes("notes.MD", "Plain note.")).isTrue();
    }

    @Test
    void aPlainTextDocumentStaysItsOwnText() throws IOException {
        Path text = Files.writeString(folder.resolve("a.txt"), "Q: <b>Why</b>?\nA: **Because**.\n");

        assertThat(DocumentText.of(text)).isEqualTo("Q: <b>Why</b>?\nA: **Because**.\n");
        assertThat(DocumentText.isDocument("page.htm")).isTrue();
        assertThat(DocumentText.isDocument("table.xlsx")).isFalse();
    }
}

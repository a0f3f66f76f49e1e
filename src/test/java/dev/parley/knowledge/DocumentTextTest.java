package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTextTest {

    @TempDir
    Path seeds;

    @Test
    void theSeedsFolderChecksExcerptsOfPagesAndMarkdownAgainstWhatTheirReaderSees() throws IOException {
        Files.writeString(seeds.resolve("faq.html"), """
                <html><head><script type="application/ld+json">
                {"@type": "FAQPage", "mainEntity": {"@type": "Question", "name": "Is it &lt;free&gt;?",
                 "acceptedAnswer": {"@type": "Answer", "text": "<p>Yes, <b>always</b>.</p>"}}}
                </script></head>
                <body><p>Caf&eacute; &amp; <em>cr&egrave;me</em>.</p><script>hidden()</script></body></html>""");
        Files.writeString(seeds.resolve("faq.md"), "## Why?\n\nBecause **it** [works](https://example.org).\n");
        Files.writeString(seeds.resolve("notes.MD"), "Plain *note*.");

        SeedDocuments documents = SeedDocuments.readFrom(seeds);

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
        Path text = Files.writeString(seeds.resolve("a.txt"), "Q: <b>Why</b>?\nA: **Because**.\n");

        assertThat(DocumentText.of(text)).isEqualTo("Q: <b>Why</b>?\nA: **Because**.\n");
        assertThat(DocumentText.isDocument("page.htm")).isTrue();
        assertThat(DocumentText.isDocument("table.xlsx")).isFalse();
    }
}

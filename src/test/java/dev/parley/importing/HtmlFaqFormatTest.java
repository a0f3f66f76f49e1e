package dev.parley.importing;

import static dev.parley.importing.ImportFixtures.assertExcerptsFoundByDocumentText;
import static dev.parley.importing.ImportFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.knowledge.DocumentText;

class HtmlFaqFormatTest {

    private final HtmlFaqFormat format = new HtmlFaqFormat();

    @Test
    void readsFaqPageJsonLdInsideAGraphAndCountsTheVisibleCopyOnce() throws IOException {
        FoundSource found = format.read(page("faq-jsonld.html"));

        assertThat(found.format()).isEqualTo("html");
        assertThat(found.title()).contains("Help centre & FAQ | Example Shop");
        assertThat(found.url()).contains("https://shop.example.org/help/faq");
        assertThat(found.entries()).extracting(FoundFaq::question, FoundFaq::answer, FoundFaq::excerpt, FoundFaq::url)
                .containsExactly(
                        tuple("How long does delivery take?",
                                "Orders arrive in **2–4 working days**.\n\n"
                                        + "Track yours on the [tracking page](https://shop.example.org/track) or here.",
                                "Orders arrive in 2–4 working days. Track yours on the tracking page or here.",
                                Optional.of("https://shop.example.org/help/faq#delivery")),
                        tuple("Can I return an item?", "Yes, within 30 days & free of charge.",
                                "Yes, within 30 days & free of charge.",
                                Optional.of("https://shop.example.org/help/faq")));
        assertThat(found.skipped()).singleElement().asString().startsWith("JSON-LD script 2 is not readable JSON");
        assertExcerptsFoundByDocumentText(found);
    }

    @Test
    void readsFaqPageMicrodata() throws IOException {
        FoundSource found = format.read(page("faq-microdata.html"));

        assertThat(found.title()).contains("Library FAQ");
        assertThat(found.url()).contains("https://library.example.org/faq");
        assertThat(found.entries()).extracting(FoundFaq::question, FoundFaq::answer, FoundFaq::excerpt, FoundFaq::url)
                .containsExactly(
                        tuple("How do I get a library card?",
                                "Bring an ID card to any branch.\n\n- It is *free*.\n- It lasts three years.",
                                "Bring an ID card to any branch. It is free. It lasts three years.",
                                Optional.of("https://library.example.org/faq#card")),
                        tuple("How many books can I borrow?", "Up to 12 books at a time, for 3 weeks.",
                                "Up to 12 books at a time, for 3 weeks.",
                                Optional.of("https://library.example.org/faq")));
        assertExcerptsFoundByDocumentText(found);
    }

    @Test
    void readsDetailsAndSummaryAndSkipsAQuestionWithoutAnswer() throws IOException {
        FoundSource found = format.read(page("faq-details.html"));

        assertThat(found.title()).contains("Account questions");
        assertThat(found.url()).as("og:url is javascript:, no web address").isEmpty();
        assertThat(found.entries()).extracting(FoundFaq::question, FoundFaq::answer, FoundFaq::excerpt, FoundFaq::url)
                .containsExactly(
                        tuple("How do I reset my password?",
                                "Click **Forgot password** on the sign-in page.\n\n"
                                        + "We e-mail you a link; write to [help@example.org](mailto:help@example.org)"
                                        + " if it does not come.",
                                "Click Forgot password on the sign-in page. We e-mail you a link; write to "
                                        + "help@example.org if it does not come.",
                                Optional.empty()),
                        tuple("Can I change my user name?", "Not yet: user names are *permanent*.",
                                "Not yet: user names are permanent.", Optional.empty()));
        assertThat(found.skipped()).containsExactly("'Is there an app?': no answer");
        assertExcerptsFoundByDocumentText(found);
    }

    @Test
    void readsADefinitionListWithTwoTermsForOneAnswer() throws IOException {
        FoundSource found = format.read(page("faq-dl.html"));

        assertThat(found.entries()).extracting(FoundFaq::question, FoundFaq::otherQuestions, FoundFaq::answer,
                        FoundFaq::excerpt)
                .containsExactly(
                        tuple("When are you open?", List.of("What are your opening hours?"),
                                "Monday to Friday, 9:00 to 17:00.", "Monday to Friday, 9:00 to 17:00."),
                        tuple("Are you open on holidays?", List.of(), "No.\n\nWe open again the next working day.",
                                "No. We open again the next working day."));
        assertExcerptsFoundByDocumentText(found);
    }

    @Test
    void readsQuestionHeadingsInFrenchAndArabicUpToTheNextHeadingOfTheirLevel() throws IOException {
        FoundSource found = format.read(page("faq-headings.html"));

        assertThat(found.title()).contains("Questions fréquentes");
        assertThat(found.entries()).extracting(FoundFaq::question, FoundFaq::answer, FoundFaq::excerpt, FoundFaq::url)
                .containsExactly(
                        tuple("Comment obtenir un acte de naissance ?",
                                "Faites la demande en ligne ou au guichet de la mairie.\n\n**Délai**\n\n"
                                        + "Comptez **une semaine**.",
                                "Faites la demande en ligne ou au guichet de la mairie. Délai Comptez une semaine.",
                                Optional.of("https://mairie.example.fr/faq#acte")),
                        tuple("Où se trouve la mairie ?", "Place de la République.", "Place de la République.",
                                Optional.of("https://mairie.example.fr/faq")),
                        tuple("Quels sont les horaires de la bibliothèque ?", "Du mardi au samedi.",
                                "Du mardi au samedi.", Optional.of("https://mairie.example.fr/faq")),
                        tuple("كيف أسجل طفلي في المدرسة؟", "قدّم طلب التسجيل في مكتب المدرسة.",
                                "قدّم طلب التسجيل في مكتب المدرسة.",
                                Optional.of("https://mairie.example.fr/faq#arabe")));
        assertExcerptsFoundByDocumentText(found);
    }

    @Nested
    class HostilePages {

        @Test
        void keepsNoScriptHandlerFrameOrJavascriptLink() throws IOException {
            FoundSource found = format.read(page("hostile.html"));

            assertThat(found.title()).contains("Hostile <FAQ>");
            assertThat(found.entries()).extracting(FoundFaq::question, FoundFaq::answer, FoundFaq::excerpt)
                    .containsExactly(
                            tuple("Is this page safe?",
                                    "Only what we show and [this link](https://example.org/safe) stay.",
                                    "Only what we show and this link stay."),
                            tuple("What about nesting?", "Deep answer.", "Deep answer."));
            assertThat(found.entries()).allSatisfy(entry -> assertThat(entry.answer())
                    .doesNotContainIgnoringCase("javascript").doesNotContain("steal", "<", "evil"));
            assertExcerptsFoundByDocumentText(found);
        }

        @Test
        @Timeout(60)
        void readsAPageWithFiveMegabytesOfJunkInBoundedTime(@TempDir Path folder) throws IOException {
            Path page = folder.resolve("junk.html");
            Files.copy(page("hostile.html"), page);
            try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND)) {
                // Unclosed tags nested deep, stray brackets and question marks: what a broken page is made of.
                String words = "lorem ipsum dolor sit amet &amp; <<>> ? ".repeat(12);
                for (int i = 0; i < 10_000; i++) {
                    out.write("<div><span onclick=\"x()\">junk <b>?</b> &#x1F600; ");
                    out.write(i % 100 == 0 ? "<h2>Junk " + i + "?</h2>" : words);
                }
            }
            assertThat(Files.size(page)).isGreaterThan(5_000_000L);

            FoundSource found = format.read(page);

            // The fixture's two questions and the junk's 100 headings.
            assertThat(found.entries()).hasSize(102)
                    .allSatisfy(entry -> assertThat(entry.answer()).doesNotContain("x()", "onclick")
                            .doesNotContainPattern("<[a-z/]"));
            assertExcerptsFoundByDocumentText(found);
        }

        @Test
        void refusesAPageLargerThanAnyFaq(@TempDir Path folder) throws IOException {
            Path page = folder.resolve("huge.html");
            try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
                String line = "x".repeat(1023) + "\n";
                for (int i = 0; i < 21 * 1024; i++) {
                    out.write(line);
                }
            }

            assertThatThrownBy(() -> format.read(page)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("huge.html").hasMessageContaining("more than a page may have");
        }

        @Test
        void aPageWithoutFaqIsAClearError(@TempDir Path folder) throws IOException {
            Path page = Files.writeString(folder.resolve("about.html"),
                    "<html><body><h1>About us</h1><p>We sell things.</p></body></html>");

            assertThatThrownBy(() -> format.read(page)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("about.html: no FAQ found");
        }
    }

    @Nested
    class Detection {

        @Test
        void recognisesPagesByNameOrByTheirStart() {
            assertThat(format.recognises(Path.of("faq.html"), "")).isTrue();
            assertThat(format.recognises(Path.of("FAQ.HTM"), "")).isTrue();
            assertThat(format.recognises(Path.of("faq.txt"), "\uFEFF  <!DOCTYPE html>\n<html>")).isTrue();
            assertThat(format.recognises(Path.of("saved"), "<?xml version=\"1.0\"?><!-- saved --><html lang=en>"))
                    .isTrue();
        }

        @Test
        void neverClaimsTablesDocumentsOrRasaFiles() {
            assertThat(format.recognises(Path.of("faq.tsv"), "Question\tAnswer\nWhat?\t<b>That</b>\n")).isFalse();
            assertThat(format.recognises(Path.of("faq.csv"), "question,answer\n\"<html>?\",x\n")).isFalse();
            assertThat(format.recognises(Path.of("nlu.yml"), "version: \"3.1\"\nnlu:\n")).isFalse();
            assertThat(format.recognises(Path.of("faq.md"), "# FAQ\n\n<html> is a tag\n")).isFalse();
        }
    }

    @Test
    void theSeedsFolderReadsAPageAsItsReaderSeesIt(@TempDir Path folder) throws IOException {
        Path page = Files.writeString(folder.resolve("page.htm"), """
                <html><head><title>T</title><style>p{}</style></head>
                <body><p>Caf&eacute; &amp; cr&egrave;me<script>var x = "hidden";</script></p>
                <template><p>never shown</p></template></body></html>""");

        assertThat(DocumentText.of(page)).isEqualTo("Café & crème");
    }
}

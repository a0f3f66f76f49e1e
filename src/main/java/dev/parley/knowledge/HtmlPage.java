package dev.parley.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page as its reader sees it: parsed by a real HTML parser (jsoup, which decodes entities and detects the
 * charset from the page), with what a browser never shows (scripts, styles, templates, frames, embedded objects)
 * removed, and the questions and answers of its schema.org {@code FAQPage} JSON-LD, which a visitor does not see in
 * the body but which is the page's own FAQ. The seeds folder reads {@code .html} files through it, and the import
 * reads FAQ pages through it, so that an excerpt the import quotes is found in the text the seeds folder checks.
 */
public final class HtmlPage {

    /** Larger pages are refused: no FAQ page comes near it, and a parsed page takes several times its size. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    // What a browser does not show of a page's body. The JSON-LD scripts are read before they go.
    private static final String UNSEEN = "script, style, template, iframe, frame, frameset, noscript, object, embed, "
            + "svg, math, canvas, audio, video";

    private final Document document;
    private final List<FaqPageJsonLd.Entry> faqJsonLd;
    private final List<String> problems;

    private HtmlPage(Document document, List<FaqPageJsonLd.Entry> faqJsonLd, List<String> problems) {
        this.document = document;
        this.faqJsonLd = List.copyOf(faqJsonLd);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads and parses {@code file}.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it is larger than {@link #MAX_BYTES}
     */
    public static HtmlPage read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": " + size + " bytes, more than a page may have ("
                    + MAX_BYTES + ")");
        }
        // No charset named: jsoup takes the byte-order mark or the page's <meta charset>, else UTF-8.
        Document document = Jsoup.parse(file.toFile(), null);
        var problems = new ArrayList<String>();
        List<FaqPageJsonLd.Entry> faq = FaqPageJsonLd.read(document, problems);
        document.select(UNSEEN).remove();
        return new HtmlPage(document, faq, problems);
    }

    /** The page's body and head (title and meta tags only), without what a reader never sees. */
    public Document document() {
        return document;
    }

    /** The questions and answers of the page's {@code FAQPage} JSON-LD, in the page's order; often none. */
    public List<FaqPageJsonLd.Entry> faqJsonLd() {
        return faqJsonLd;
    }

    /** JSON-LD scripts that could not be read (not JSON, nested too deep), each saying which and why. */
    public List<String> problems() {
        return problems;
    }

    /** The page's {@code <title>}, else its {@code og:title}, if it has one. */
    public Optional<String> title() {
        return Optional.of(document.title().strip()).filter(title -> !title.isEmpty())
                .or(() -> Optional.ofNullable(document.selectFirst("meta[property=og:title][content]"))
                        .map(meta -> meta.attr("content").strip()).filter(title -> !title.isEmpty()));
    }

    /**
     * The text a reader sees: the body's text, then the questions and answers of the page's FAQPage JSON-LD, one
     * paragraph each.
     */
    public String readerText() {
        var text = new StringBuilder(textOf(document.body()));
        for (FaqPageJsonLd.Entry entry : faqJsonLd) {
            text.append("\n\n").append(textOfFragment(entry.question()))
                    .append("\n\n").append(textOfFragment(entry.answerHtml()));
        }
        return text.toString();
    }

    /**
     * The text a reader sees of one element of a page read here: entities decoded, white space as a browser
     * collapses it, a space where one block ends and the next begins. The one rule for page text: an element's text
     * is found in its page's {@link #readerText()}, white space folded.
     */
    public static String textOf(Element element) {
        return element.text();
    }

    /** The text a reader sees of an HTML fragment (schema.org allows some markup in a JSON-LD answer). */
    public static String textOfFragment(String html) {
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.select(UNSEEN).remove();
        return textOf(fragment.body());
    }

    /** The text a reader sees in the page {@code file}: {@link DocumentText}'s reader for HTML. */
    static String readerText(Path file) throws IOException {
        return read(file).readerText();
    }
}

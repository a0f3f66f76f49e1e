package dev.parley.importing;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import dev.parley.knowledge.FaqPageJsonLd;
import dev.parley.knowledge.HtmlPage;

/**
 * FAQ pages ({@code --format html}): a web page's questions and answers, read with a real HTML parser (jsoup).
 *
 * <p>A page often holds its FAQ in more than one way (JSON-LD for search engines and the same questions in
 * {@code <details>} for visitors), so one structure is taken, never two, in this order:
 * <ol>
 *   <li>schema.org {@code FAQPage} as JSON-LD ({@link FaqPageJsonLd}), when it has a question;</li>
 *   <li>else {@code FAQPage} as microdata: each {@code Question}'s {@code name} and its {@code acceptedAnswer}'s
 *       {@code text};</li>
 *   <li>else, of {@code <details><summary>}, {@code <dl>} ({@code <dt>} asks, the {@code <dd>}s after it answer)
 *       and question headings (h1-h6, or a paragraph all in bold, ending in a question mark of any script, answered
 *       up to the next question or the next heading of the same or a higher level), the one with the most questions
 *       that end in a question mark; on a tie, in that order; when none does, the one with the most entries (a
 *       {@code <dl>} of terms still imports).</li>
 * </ol>
 * The page's title is its {@code <title>} (else {@code og:title}), its URL its canonical link (else {@code og:url}),
 * http or https only; an entry's URL is the page's, with the question's anchor when it has an id. Answers become
 * Markdown after jsoup's {@link org.jsoup.safety.Cleaner} ({@link HtmlToMarkdown}); each excerpt is the answer's text
 * as the page's reader sees it ({@link HtmlPage#textOf}), which is found in the seeds folder's text of the page.
 *
 * <p>Detection: a file whose name ends in {@code .html}, {@code .htm} or {@code .xhtml}, or whatever its name, one
 * that starts (after a byte-order mark, white space, an XML declaration or comments) with {@code <!doctype html} or
 * {@code <html}. This wins over every other format: a table or a Markdown file never starts so.
 */
public final class HtmlFaqFormat implements FaqFormat {

    private static final Pattern PROLOGUE = Pattern.compile("^(\\uFEFF|\\s+|<\\?xml[^>]*>|<!--.*?-->)+",
            Pattern.DOTALL);

    @Override
    public String name() {
        return "html";
    }

    @Override
    public boolean recognises(Path file, String head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return true;
        }
        String start = PROLOGUE.matcher(head).replaceFirst("").toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    @Override
    public FoundSource read(Path file) throws IOException {
        HtmlPage page = HtmlPage.read(file);
        Document document = page.document();
        Optional<String> url = canonical(document);
        url.ifPresent(document::setBaseUri);
        var skipped = new ArrayList<String>(page.problems());
        List<FoundFaq> entries = page.faqJsonLd().isEmpty()
                ? fromMarkup(document, url, skipped)
                : fromJsonLd(page.faqJsonLd(), url, skipped);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(file + ": no FAQ found: expected schema.org FAQPage (JSON-LD or "
                    + "microdata), <details><summary>, <dl> with <dt> and <dd>, or headings ending in a question mark"
                    + " followed by their answers" + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
        }
        return new FoundSource(file, name(), entries, skipped, page.title(), url);
    }

    private static List<FoundFaq> fromJsonLd(List<FaqPageJsonLd.Entry> questions, Optional<String> pageUrl,
                                             List<String> skipped) {
        var entries = new ArrayList<FoundFaq>();
        for (FaqPageJsonLd.Entry question : questions) {
            String asked = fold(HtmlPage.textOfFragment(question.question()));
            Document answer = Jsoup.parseBodyFragment(question.answerHtml(), pageUrl.orElse(""));
            String markdown = HtmlToMarkdown.convert(answer);
            String excerpt = HtmlPage.textOfFragment(question.answerHtml());
            Optional<String> url = question.url().flatMap(own -> entryUrl(own, pageUrl)).or(() -> pageUrl);
            add(asked, List.of(), markdown, excerpt, url, entries, skipped);
        }
        return entries;
    }

    private static List<FoundFaq> fromMarkup(Document document, Optional<String> pageUrl, List<String> skipped) {
        List<PageQuestion> found = PageStructures.microdata(document, skipped);
        if (found.isEmpty()) {
            List<List<PageQuestion>> candidates = List.of(PageStructures.details(document),
                    PageStructures.definitionLists(document), PageStructures.questionHeadings(document));
            Comparator<Integer> strongest = Comparator
                    .<Integer>comparingLong(i -> candidates.get(i).stream()
                            .filter(question -> QuestionMarks.endsAsQuestion(question.question())).count())
                    .thenComparingInt(i -> candidates.get(i).size())
                    .thenComparing(Comparator.<Integer>reverseOrder());
            found = candidates.get(IntStream.range(0, candidates.size()).boxed().max(strongest).orElseThrow());
        }
        var entries = new ArrayList<FoundFaq>();
        for (PageQuestion question : found) {
            Document answer = Document.createShell(document.baseUri());
            question.answer().forEach(node -> answer.body().appendChild(node.clone()));
            String markdown = HtmlToMarkdown.convert(answer);
            Optional<String> url = pageUrl.map(page -> question.anchor().map(id -> page + "#" + id).orElse(page));
            add(fold(question.question()), question.otherQuestions().stream().map(HtmlFaqFormat::fold).toList(),
                    markdown, HtmlPage.textOf(answer.body()), url, entries, skipped);
        }
        return entries;
    }

    private static void add(String question, List<String> others, String markdown, String excerpt,
                            Optional<String> url, List<FoundFaq> entries, List<String> skipped) {
        if (question.isEmpty()) {
            skipped.add("an answer without a question" + (excerpt.isBlank() ? "" : ": '" + shorten(excerpt) + "'"));
        } else if (markdown.isBlank() || excerpt.isBlank()) {
            skipped.add("'" + shorten(question) + "': no answer");
        } else {
            entries.add(new FoundFaq(question, others, markdown, excerpt, url));
        }
    }

    // The page's own address: its canonical link, else og:url; only a web address, without its fragment.
    private static Optional<String> canonical(Document document) {
        return Optional.ofNullable(document.selectFirst("link[rel~=(?i)^canonical$][href]"))
                .flatMap(link -> webAddress(link.attr("href"), false))
                .or(() -> Optional.ofNullable(document.selectFirst("meta[property=og:url][content]"))
                        .flatMap(meta -> webAddress(meta.attr("content"), false)));
    }

    private static Optional<String> entryUrl(String own, Optional<String> pageUrl) {
        if (own.startsWith("#")) {
            return pageUrl.map(page -> page + own);
        }
        return webAddress(own, true);
    }

    private static Optional<String> webAddress(String address, boolean keepFragment) {
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                String written = uri.toString();
                int hash = written.indexOf('#');
                return Optional.of(keepFragment || hash < 0 ? written : written.substring(0, hash));
            }
        } catch (URISyntaxException e) {
            // Not an address: the page has none we can give.
        }
        return Optional.empty();
    }

    private static String fold(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String text) {
        String folded = fold(text);
        return folded.length() <= 60 ? folded : folded.substring(0, 57) + "...";
    }
}

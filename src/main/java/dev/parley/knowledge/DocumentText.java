package dev.parley.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a reader sees of a source document in the seeds folder: the text an intent's excerpt is checked against.
 * A plain text file is its own text; other formats are read by their own reader (markup removed, escapes undone), so
 * that an excerpt quotes what a visitor of the page or the table reads, never its markup: a web page
 * ({@code .html}, {@code .htm}) as {@link HtmlPage#readerText()}, Markdown ({@code .md}, {@code .markdown}) as
 * {@link MarkdownText#of rendered}. One reader per file extension; a file with none is no document.
 */
public final class DocumentText {

    /** Reads a file of one format into the text a reader sees. */
    @FunctionalInterface
    public interface Reader {
        String read(Path file) throws IOException;
    }

    private static final Map<String, Reader> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", file -> Files.readString(file, StandardCharsets.UTF_8)),
            Map.entry("html", HtmlPage::readerText),
            Map.entry("htm", HtmlPage::readerText),
            Map.entry("md", DocumentText::markdown),
            Map.entry("markdown", DocumentText::markdown),
            Map.entry("csv", TableText::of),
            Map.entry("tsv", TableText::of),
            Map.entry("yml", YamlText::of),
            Map.entry("yaml", YamlText::of));

    private DocumentText() {
    }

    /** Whether the seeds folder reads a file of this name as a document. */
    public static boolean isDocument(String fileName) {
        return reader(fileName).isPresent();
    }

    /**
     * The text a reader sees in {@code file}.
     *
     * @throws IllegalArgumentException when {@link #isDocument} is false for its name
     */
    public static String of(Path file) throws IOException {
        return reader(file.getFileName().toString())
                .orElseThrow(() -> new IllegalArgumentException("not a document the seeds folder reads: " + file))
                .read(file);
    }

    private static String markdown(Path file) throws IOException {
        return MarkdownText.of(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Optional<Reader> reader(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}

package dev.parley.importing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Plain text documents with question and answer pairs ({@code --format text}): {@code Q:}/{@code A:} or
 * {@code Question:}/{@code Answer:} labels in any case, else lines of their own ending in a question mark, each
 * answered by the lines up to the next question ({@link QuestionAnswerLines}). The answer and its excerpt are the
 * document's own words; the title is the first line when it stands alone. A document with no pair is an error.
 *
 * <p>Detection: a {@code .txt} file that holds at least one pair (its first megabyte is looked at) and whose first
 * line has no tab. A Markdown file ({@link MarkdownFaqFormat}), a table or a Rasa file is never claimed, and a page
 * that starts as HTML is {@link HtmlFaqFormat}'s whatever its name.
 */
public final class TextFaqFormat implements FaqFormat {

    private static final int RECOGNITION_CHARS = 1 << 20;

    @Override
    public String name() {
        return "text";
    }

    @Override
    public boolean recognises(Path file, String head) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")
                || new HtmlFaqFormat().recognises(Path.of("page"), head)) {
            return false;
        }
        String start = head.strip();
        // A tab-separated table (a QnA Maker export saved as .txt) is a table, whatever its cells ask.
        if (start.lines().findFirst().orElse("").contains("\t")) {
            return false;
        }
        try {
            return !QuestionAnswerLines.pairs(begin(file), false).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public FoundSource read(Path file) throws IOException {
        String document = Files.readString(file, StandardCharsets.UTF_8);
        return DocumentPairs.found(file, name(), document, false, QuestionAnswerLines.firstLineTitle(document),
                UnaryOperator.identity(), UnaryOperator.identity());
    }

    private static String begin(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buffer = new char[RECOGNITION_CHARS];
            int read = reader.read(buffer, 0, buffer.length);
            return read < 0 ? "" : new String(buffer, 0, read);
        }
    }
}

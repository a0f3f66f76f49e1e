package dev.parley.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The pairs of a document ({@link QuestionAnswerLines}) as found entries, or the error a document without any is. */
final class DocumentPairs {

    private DocumentPairs() {
    }

    /**
     * @param questionText the text a reader sees of a question's source
     * @param excerptOf    the text a reader sees of an answer's source: what its excerpt quotes
     */
    static FoundSource found(Path file, String format, String document, boolean markdown, Optional<String> title,
                             UnaryOperator<String> questionText, UnaryOperator<String> excerptOf) {
        var entries = new ArrayList<FoundFaq>();
        var skipped = new ArrayList<String>();
        for (QuestionAnswerLines.Pair pair : QuestionAnswerLines.pairs(document, markdown)) {
            String question = fold(questionText.apply(pair.question()));
            String excerpt = pair.answer().isEmpty() ? "" : excerptOf.apply(pair.answer()).strip();
            if (question.isEmpty()) {
                skipped.add("line " + pair.line() + ": a question label with no question");
            } else if (excerpt.isEmpty()) {
                skipped.add("line " + pair.line() + ": '" + question + "' has no answer");
            } else {
                entries.add(new FoundFaq(question, List.of(), pair.answer(), excerpt, Optional.empty()));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(file + ": no questions and answers found: expected lines 'Q: ...' "
                    + "followed by 'A: ...', " + (markdown ? "headings or bold lines" : "lines of their own")
                    + " ending in a question mark followed by their answers"
                    + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
        }
        return new FoundSource(file, format, entries, skipped, title, Optional.empty());
    }

    private static String fold(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}

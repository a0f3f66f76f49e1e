package dev.parley.importing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question and its answer as a source holds them, before it becomes an intent.
 *
 * @param question       the question as the source asks it: the intent's canonical question
 * @param otherQuestions further phrasings the source gives for the same answer (rows of a table sharing one answer,
 *                       a Rasa intent's examples); they become the intent's examples
 * @param answer         the answer as the source words it, Markdown where the source has markup worth keeping
 * @param excerpt        the answer's text exactly as a reader of the copied source sees it ({@code
 *                       dev.parley.knowledge.DocumentText}): what the intent's {@code source.excerpt} quotes and the
 *                       seeds folder checks
 * @param url            where a visitor can read this answer in its source (a page, or an anchor on it), if known
 */
public record FoundFaq(String question, List<String> otherQuestions, String answer, String excerpt,
                       Optional<String> url) {

    public FoundFaq {
        Objects.requireNonNull(question, "question must not be null");
        Objects.requireNonNull(answer, "answer must not be null");
        Objects.requireNonNull(excerpt, "excerpt must not be null");
        Objects.requireNonNull(url, "url must not be null (use Optional.empty())");
        otherQuestions = List.copyOf(otherQuestions);
    }
}

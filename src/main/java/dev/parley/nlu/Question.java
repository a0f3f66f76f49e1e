package dev.parley.nlu;

import java.util.List;
import java.util.Objects;

import dev.parley.text.Phrasing;

/**
 * A question prepared once for everything that reads it: the text as typed, its normalised words (what the maxent
 * classifier and the follow-up cues read), those words joined (the form stored and compared) and the text as the
 * sentence encoder reads it. Classifiers take a {@code Question}, never raw text, so a message is normalised once
 * however many classifiers read it (the hybrid's two sides) and nothing downstream normalises it again.
 *
 * <p>The words and their joined form are "the same phrasing" rule's ({@link Phrasing}), the sentence is
 * {@link TextNormalizer#clean}'s. Immutable and thread-safe; two questions are equal when their text
 * is, since everything else follows from it.
 */
public final class Question {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private final String text;
    private final List<String> words;
    private final String normalised;
    private final String sentence;

    private Question(String text) {
        this.text = text;
        this.words = List.copyOf(Phrasing.words(text));
        this.normalised = Phrasing.comparable(words);
        this.sentence = NORMALIZER.clean(text);
    }

    /** Prepares raw text, as a user typed it or as a training example is written. */
    public static Question of(String text) {
        return new Question(Objects.requireNonNull(text, "text must not be null"));
    }

    /** The text as typed. */
    public String text() {
        return text;
    }

    /** The normalised words ({@link Phrasing#words}); empty for text with no letters or digits. */
    public List<String> words() {
        return words;
    }

    /** The normalised words joined by single spaces ({@link Phrasing#comparable(String)}): the form stored. */
    public String normalised() {
        return normalised;
    }

    /**
     * The text as a sentence encoder reads it ({@link TextNormalizer#clean}): disguises folded away, case, accents
     * and punctuation kept. May be empty.
     */
    public String sentence() {
        return sentence;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Question question && text.equals(question.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "Question[" + text + "]";
    }
}

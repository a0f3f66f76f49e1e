package dev.parley.nlu;

import java.util.Objects;

/**
 * One labelled text to learn from.
 *
 * @param intent   the intent id the text belongs to
 * @param text     the raw text
 * @param evidence what the text is: a way of asking the intent's question, or a sentence of its answer
 */
public record TrainingExample(String intent, String text, Evidence evidence) {

    /**
     * What a training text says about its intent. A phrasing is a question a visitor could ask; an answer sentence
     * only says what the intent talks about. Classifiers learn from both; calibration asks only phrasings, since
     * visitors ask questions, not answers ({@code CrossValidation}, nlu.training).
     */
    public enum Evidence {
        PHRASING,
        ANSWER
    }

    public TrainingExample {
        Objects.requireNonNull(intent, "intent must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(evidence, "evidence must not be null");
    }

    /** A phrasing: a way of asking the intent's question. */
    public TrainingExample(String intent, String text) {
        this(intent, text, Evidence.PHRASING);
    }

    /** Whether this is a way of asking the question, rather than a sentence of the answer. */
    public boolean isPhrasing() {
        return evidence == Evidence.PHRASING;
    }
}

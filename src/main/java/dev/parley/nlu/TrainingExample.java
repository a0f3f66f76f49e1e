package dev.parley.nlu;

import java.util.Objects;

/**
 * One labelled phrasing to learn from.
 *
 * @param intent the intent id the text belongs to
 * @param text   the raw phrasing
 */
public record TrainingExample(String intent, String text) {
    public TrainingExample {
        Objects.requireNonNull(intent, "intent must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }
}

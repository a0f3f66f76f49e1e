package dev.parley.nlu;

/**
 * One candidate intent and the classifier's probability for it.
 *
 * @param intent the intent id
 * @param score  probability in 0..1; the scores of one prediction add up to its {@link Prediction#mass()}, 1 or less
 */
public record ScoredIntent(String intent, double score) {
}

package dev.parley.nlu.hybrid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;

/**
 * The hybrid's rule for one question: each intent's probability is the weighted mean of the two calibrated halves',
 * calibrated again by the blend's temperature; or, when the words side recognised nothing at all (not one word, stem
 * or character sequence of any training example: emoji, digits, another script), its uniform prediction as it is.
 * The encoder reads such text as unknown tokens and would still rank intents, by noise; uniform says honestly that
 * nothing was understood. {@link HybridIntentClassifier} serves it, and calibration applies it to stored
 * predictions, so the weight and the blend's temperature are fitted on exactly what is served.
 *
 * @param wordsWeight the words side's share, 0..1; the meaning side has the rest
 * @param temperature calibrates the blend; 1 while the weight is being chosen and the temperature fitted
 */
public record HybridBlend(double wordsWeight, double temperature) {

    public HybridBlend {
        if (wordsWeight < 0 || wordsWeight > 1) {
            throw new IllegalArgumentException("the weight must lie in 0..1, got " + wordsWeight);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
    }

    /**
     * What the hybrid makes of its two halves' predictions of one question.
     *
     * @param meaning asked for only when the words side recognised something
     */
    public Prediction of(Prediction words, Supplier<Prediction> meaning) {
        if (words.isUniform()) {
            return words;
        }
        Map<String, Double> scores = new HashMap<>();
        words.ranking().forEach(s -> scores.merge(s.intent(), wordsWeight * s.score(), Double::sum));
        meaning.get().ranking().forEach(s -> scores.merge(s.intent(), (1 - wordsWeight) * s.score(), Double::sum));
        List<ScoredIntent> ranking = scores.entrySet().stream()
                .map(e -> new ScoredIntent(e.getKey(), e.getValue())).toList();
        return new Prediction(ranking).tempered(temperature);
    }
}

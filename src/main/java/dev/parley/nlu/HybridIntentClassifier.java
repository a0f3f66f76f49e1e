package dev.parley.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blends two classifiers trained on the same intents: each intent's probability is the weighted mean of theirs. The
 * maxent model knows the exact words of the examples, the encoder what they mean; the weight is measured.
 */
public final class HybridIntentClassifier implements IntentClassifier {

    private final IntentClassifier words;
    private final IntentClassifier meaning;
    private final double wordsWeight;
    private final double temperature;

    /**
     * @param wordsWeight share of the first classifier, 0..1
     * @param temperature calibrates the blend (temperature scaling)
     */
    public HybridIntentClassifier(IntentClassifier words, IntentClassifier meaning, double wordsWeight,
                                  double temperature) {
        if (wordsWeight < 0 || wordsWeight > 1) {
            throw new IllegalArgumentException("the weight must lie in 0..1, got " + wordsWeight);
        }
        this.words = words;
        this.meaning = meaning;
        this.wordsWeight = wordsWeight;
        this.temperature = temperature;
    }

    /**
     * The blend; or, when the words side recognised nothing at all (not one word, stem or character sequence of any
     * training example: emoji, digits, another script), its uniform prediction. The encoder reads such text as
     * unknown tokens and would still rank intents, by noise; uniform says honestly that nothing was understood.
     */
    @Override
    public Prediction classify(Question question) {
        Prediction fromWords = words.classify(question);
        return fromWords.isUniform() ? fromWords
                : blend(fromWords, meaning.classify(question), wordsWeight).tempered(temperature);
    }

    /**
     * What the hybrid makes of its two sides' predictions of one question, before its own temperature: the blend,
     * or the words side's uniform prediction when that recognised nothing. Calibration uses this on stored
     * predictions, so it fits exactly what {@link #classify} serves.
     */
    public static Prediction combine(Prediction words, Prediction meaning, double wordsWeight) {
        return words.isUniform() ? words : blend(words, meaning, wordsWeight);
    }

    /** The weighted mean of two predictions over the same intents. */
    public static Prediction blend(Prediction words, Prediction meaning, double wordsWeight) {
        Map<String, Double> scores = new HashMap<>();
        words.ranking().forEach(s -> scores.merge(s.intent(), wordsWeight * s.score(), Double::sum));
        meaning.ranking().forEach(s -> scores.merge(s.intent(), (1 - wordsWeight) * s.score(), Double::sum));
        List<ScoredIntent> ranking = scores.entrySet().stream()
                .map(e -> new ScoredIntent(e.getKey(), e.getValue())).toList();
        return new Prediction(ranking);
    }
}

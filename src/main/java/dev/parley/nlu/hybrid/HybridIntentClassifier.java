package dev.parley.nlu.hybrid;

import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.Prediction;

/**
 * Blends two classifiers trained on the same intents, each calibrated on its own, by the hybrid's rule
 * ({@link HybridBlend}). The maxent model knows the exact words of the examples, the encoder what they mean; the
 * weight is measured. Built by the training recipe ({@code UncalibratedClassifier.Pair}, nlu.training).
 */
public final class HybridIntentClassifier implements IntentClassifier {

    private final IntentClassifier words;
    private final IntentClassifier meaning;
    private final HybridBlend blend;

    /**
     * @param wordsWeight share of the first classifier, 0..1
     * @param temperature calibrates the blend (temperature scaling)
     */
    public HybridIntentClassifier(IntentClassifier words, IntentClassifier meaning, double wordsWeight,
                                  double temperature) {
        this.words = words;
        this.meaning = meaning;
        this.blend = new HybridBlend(wordsWeight, temperature);
    }

    @Override
    public Prediction classify(String text) {
        return blend.of(words.classify(text), () -> meaning.classify(text));
    }
}

package dev.parley.nlu.training;

import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.Prediction;

/**
 * A trained classifier whose finished predictions are calibrated by a temperature: the same transformation
 * calibration fits on stored predictions ({@link Prediction#tempered}), so the served scores are exactly those the
 * temperature was fitted on.
 */
record TemperedClassifier(IntentClassifier trained, double temperature) implements IntentClassifier {

    @Override
    public Prediction classify(String text) {
        return trained.classify(text).tempered(temperature);
    }
}

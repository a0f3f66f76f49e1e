package dev.parley.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.nlu.CachingSentenceEncoder;
import dev.parley.nlu.EncoderIntentClassifier;
import dev.parley.nlu.HybridIntentClassifier;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.MaxentIntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.TrainingExample;

/**
 * The benchmark's classifiers, each trained once and calibrated on the validation data; the hybrid's weight is
 * the one that answers the validation questions best once each side is calibrated.
 */
final class CalibratedClassifiers {

    private static final double[] WEIGHTS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private final List<TrainingExample> examples;
    private final List<LabelledQuestion> validation;
    private final NluProperties nlu;
    private IntentClassifier maxent;
    private IntentClassifier encoder;
    private HybridCalibration hybridCalibration;

    CalibratedClassifiers(List<TrainingExample> examples, List<LabelledQuestion> validation, NluProperties nlu) {
        this.examples = examples;
        this.validation = validation;
        this.nlu = nlu;
    }

    IntentClassifier maxent() {
        if (maxent == null) {
            maxent = MaxentIntentClassifier.train(examples, nlu.maxent()).withTemperature(1.0);
        }
        return maxent;
    }

    IntentClassifier encoder() {
        if (encoder == null) {
            var cached = new CachingSentenceEncoder(nlu.encoder().sentenceEncoder());
            encoder = EncoderIntentClassifier.train(examples, cached, nlu.encoder()).withTemperature(1.0);
        }
        return encoder;
    }

    IntentClassifier hybrid() {
        Calibration.Tuned words = Calibration.tune(maxent(), validation, List.of());
        Calibration.Tuned meaning = Calibration.tune(encoder(), validation, List.of());
        List<Evaluator.Classified> wordsSaid = Evaluator.classify(words.classifier(), validation);
        List<Evaluator.Classified> meaningSaid = Evaluator.classify(meaning.classifier(), validation);
        double best = 0;
        long bestCorrect = -1;
        for (double weight : WEIGHTS) {
            var blended = new ArrayList<Evaluator.Classified>();
            for (int i = 0; i < wordsSaid.size(); i++) {
                blended.add(new Evaluator.Classified(wordsSaid.get(i).question(), HybridIntentClassifier.blend(
                        wordsSaid.get(i).prediction(), meaningSaid.get(i).prediction(), weight)));
            }
            long correct = Evaluator.outcomes(blended, ThresholdSelector.select(blended)).stream()
                    .filter(Outcome::correct).count();
            if (correct > bestCorrect) {
                best = weight;
                bestCorrect = correct;
            }
        }
        hybridCalibration = new HybridCalibration(words.temperature(), meaning.temperature(), best);
        return new HybridIntentClassifier(words.classifier(), meaning.classifier(), best, 1.0);
    }

    /** How the hybrid was put together, once {@link #hybrid()} has run. */
    Optional<HybridCalibration> hybridCalibration() {
        return Optional.ofNullable(hybridCalibration);
    }

    /**
     * The temperatures that calibrate each side before the blend, and the maxent side's weight in it: with the
     * blend's own temperature, what {@code parley.nlu.*} needs to serve this hybrid.
     */
    record HybridCalibration(double maxentTemperature, double encoderTemperature, double maxentWeight) {
    }

}

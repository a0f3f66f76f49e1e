package dev.parley.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.nlu.CachingSentenceEncoder;
import dev.parley.nlu.EncoderIntentClassifier;
import dev.parley.nlu.HybridIntentClassifier;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.MaxentIntentClassifier;
import dev.parley.nlu.MiniLmSentenceEncoder;
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
    private Double hybridWeight;

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
            encoder = EncoderIntentClassifier.train(examples, new CachingSentenceEncoder(new MiniLmSentenceEncoder()));
        }
        return encoder;
    }

    IntentClassifier hybrid() {
        IntentClassifier words = Calibration.tune(maxent(), validation, List.of()).classifier();
        IntentClassifier meaning = Calibration.tune(encoder(), validation, List.of()).classifier();
        List<Evaluator.Classified> wordsSaid = Evaluator.classify(words, validation);
        List<Evaluator.Classified> meaningSaid = Evaluator.classify(meaning, validation);
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
        hybridWeight = best;
        return new HybridIntentClassifier(words, meaning, best);
    }

    Optional<Double> hybridWeight() {
        return Optional.ofNullable(hybridWeight);
    }

}

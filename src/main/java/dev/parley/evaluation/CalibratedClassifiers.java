package dev.parley.evaluation;

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
        List<Evaluator.Classified> words = calibrated(maxent());
        List<Evaluator.Classified> meaning = calibrated(encoder());
        double wordsTemperature = Calibration.fitTemperature(Evaluator.classify(maxent(), validation));
        double meaningTemperature = Calibration.fitTemperature(Evaluator.classify(encoder(), validation));
        double best = 0;
        long bestCorrect = -1;
        for (double weight : WEIGHTS) {
            List<Evaluator.Classified> blended = new java.util.ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                blended.add(new Evaluator.Classified(words.get(i).question(), HybridIntentClassifier.blend(
                        words.get(i).prediction(), meaning.get(i).prediction(), weight)));
            }
            long correct = Evaluator.outcomes(blended, ThresholdSelector.select(blended)).stream()
                    .filter(Outcome::correct).count();
            if (correct > bestCorrect) {
                best = weight;
                bestCorrect = correct;
            }
        }
        hybridWeight = best;
        IntentClassifier calibratedWords = text -> maxent().classify(text).tempered(wordsTemperature);
        IntentClassifier calibratedMeaning = text -> encoder().classify(text).tempered(meaningTemperature);
        return new HybridIntentClassifier(calibratedWords, calibratedMeaning, best);
    }

    Optional<Double> hybridWeight() {
        return Optional.ofNullable(hybridWeight);
    }

    private List<Evaluator.Classified> calibrated(IntentClassifier classifier) {
        List<Evaluator.Classified> classified = Evaluator.classify(classifier, validation);
        double temperature = Calibration.fitTemperature(classified);
        return classified.stream()
                .map(c -> new Evaluator.Classified(c.question(), c.prediction().tempered(temperature))).toList();
    }

}

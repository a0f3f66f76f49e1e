package dev.parley.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.parley.nlu.CachingSentenceEncoder;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.EncoderIntentClassifier;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.HybridIntentClassifier;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.MaxentIntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.SentenceEncoder;
import dev.parley.nlu.TrainingExample;

/**
 * The evaluation commands' classifiers, each trained once and calibrated on the same calibration data: validation
 * questions, plus out-of-fold predictions of the training examples when cross-validating (each example classified
 * by a model that never saw it). The hybrid blends the two sides as each is calibrated on its own, so the
 * temperatures it is served with are exactly maxent's and the encoder's; its weight is the one that answers the
 * calibration questions best.
 *
 * <p>Why cross-validation predictions: a classifier that answers nearly every validation question right (the seed
 * domain's hybrid does, on its tuning set) has a likelihood that only grows as its confidence does, so a temperature
 * fitted on those questions alone runs to the search's bound and every answer looks certain. Out-of-fold
 * predictions bring the mistakes that make the fitted confidence mean something.
 */
final class CalibratedClassifiers {

    private static final double[] WEIGHTS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private final List<TrainingExample> examples;
    private final List<LabelledQuestion> validation;
    private final NluProperties nlu;
    private final int folds;
    private final SentenceEncoder sentences;
    private Side maxent;
    private Side encoder;

    /**
     * @param folds cross-validation folds whose predictions join the validation questions; 0 for none
     */
    CalibratedClassifiers(List<TrainingExample> examples, List<LabelledQuestion> validation, NluProperties nlu,
                          int folds) {
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        this.examples = examples;
        this.validation = validation;
        this.nlu = nlu;
        this.folds = folds;
        // each fold embeds the same training texts again: remembered once, the folds cost only the regression
        this.sentences = new CachingSentenceEncoder(nlu.encoder().sentenceEncoder());
    }

    /**
     * A classifier calibrated and thresholded on the calibration data, with the settings that serve it so.
     *
     * @param tuned      the calibrated classifier and its fallback thresholds
     * @param outOfFold  the calibrated out-of-fold predictions of the training examples; empty without folds
     * @param settings   the {@code parley.nlu.*} settings that serve this classifier as calibrated here
     */
    record Calibrated(Calibration.Tuned tuned, List<Evaluator.Classified> outOfFold, Map<String, Object> settings) {
    }

    Calibrated calibrate(ClassifierKind kind) {
        return switch (kind) {
            case MAXENT -> single(maxent(), "parley.nlu.maxent.temperature", "parley.nlu.fallback");
            case ENCODER -> single(encoder(), "parley.nlu.encoder.temperature", "parley.nlu.encoder.fallback");
            case HYBRID -> hybrid();
        };
    }

    /** A classifier at temperature 1 with its predictions of the calibration data: validation, then folds. */
    private record Side(IntentClassifier classifier, List<Evaluator.Classified> said, int validated) {

        List<Evaluator.Classified> outOfFold() {
            return said.subList(validated, said.size());
        }
    }

    private Side maxent() {
        if (maxent == null) {
            maxent = side(sample -> MaxentIntentClassifier.train(sample, nlu.maxent()).withTemperature(1.0));
        }
        return maxent;
    }

    private Side encoder() {
        if (encoder == null) {
            encoder = side(sample -> EncoderIntentClassifier.train(sample, sentences, nlu.encoder())
                    .withTemperature(1.0));
        }
        return encoder;
    }

    private Side side(Function<List<TrainingExample>, IntentClassifier> trainer) {
        IntentClassifier classifier = trainer.apply(examples);
        var said = new ArrayList<>(Evaluator.classify(classifier, validation));
        if (folds > 0) {
            said.addAll(CrossValidation.run(examples, folds, CrossValidation.SEED, trainer));
        }
        return new Side(classifier, said, validation.size());
    }

    private Calibrated single(Side side, String temperatureKey, String fallbackKey) {
        Calibration.Tuned tuned = Calibration.fit(side.classifier(), side.said());
        var settings = new LinkedHashMap<String, Object>();
        settings.put(temperatureKey, round(tuned.temperature()));
        settings.putAll(fallbackSettings(fallbackKey, tuned.policy()));
        return new Calibrated(tuned, Calibration.tempered(side.outOfFold(), tuned.temperature()), settings);
    }

    private Calibrated hybrid() {
        Side words = maxent();
        Side meaning = encoder();
        double wordsTemperature = Calibration.fitTemperature(words.said());
        double meaningTemperature = Calibration.fitTemperature(meaning.said());
        List<Evaluator.Classified> wordsSaid = Calibration.tempered(words.said(), wordsTemperature);
        List<Evaluator.Classified> meaningSaid = Calibration.tempered(meaning.said(), meaningTemperature);
        double best = 0;
        long bestCorrect = -1;
        for (double weight : WEIGHTS) {
            List<Evaluator.Classified> blended = blend(wordsSaid, meaningSaid, weight);
            long correct = Evaluator.outcomes(blended, ThresholdSelector.select(blended)).stream()
                    .filter(Outcome::correct).count();
            if (correct > bestCorrect) {
                best = weight;
                bestCorrect = correct;
            }
        }
        IntentClassifier blend = new HybridIntentClassifier(
                text -> words.classifier().classify(text).tempered(wordsTemperature),
                text -> meaning.classifier().classify(text).tempered(meaningTemperature), best, 1.0);
        List<Evaluator.Classified> blendedSaid = blend(wordsSaid, meaningSaid, best);
        Calibration.Tuned tuned = Calibration.fit(blend, blendedSaid);

        var settings = new LinkedHashMap<String, Object>();
        settings.put("parley.nlu.maxent.temperature", round(wordsTemperature));
        settings.put("parley.nlu.encoder.temperature", round(meaningTemperature));
        settings.put("parley.nlu.hybrid.maxent-weight", best);
        settings.put("parley.nlu.hybrid.temperature", round(tuned.temperature()));
        settings.putAll(fallbackSettings("parley.nlu.hybrid.fallback", tuned.policy()));
        List<Evaluator.Classified> outOfFold = blendedSaid.subList(validation.size(), blendedSaid.size());
        return new Calibrated(tuned, Calibration.tempered(outOfFold, tuned.temperature()), settings);
    }

    private static List<Evaluator.Classified> blend(List<Evaluator.Classified> words,
                                                    List<Evaluator.Classified> meaning, double weight) {
        var blended = new ArrayList<Evaluator.Classified>(words.size());
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).question().equals(meaning.get(i).question())) {
                throw new IllegalStateException("the two sides' predictions are out of step at " + i);
            }
            blended.add(new Evaluator.Classified(words.get(i).question(), HybridIntentClassifier.combine(
                    words.get(i).prediction(), meaning.get(i).prediction(), weight)));
        }
        return blended;
    }

    /** The fallback thresholds under a settings prefix, as application.yml names them. */
    private static Map<String, Object> fallbackSettings(String prefix, FallbackPolicy policy) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put(prefix + ".min-confidence", policy.minConfidence());
        settings.put(prefix + ".min-margin", policy.minMargin());
        return settings;
    }

    /** Three decimals, as a setting is written down; calibration is not sensitive below that. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

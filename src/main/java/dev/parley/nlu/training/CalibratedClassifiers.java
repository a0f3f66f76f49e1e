package dev.parley.nlu.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.Collectors;

import dev.parley.nlu.Calibration;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.nlu.encoder.SentenceEncoders;
import dev.parley.nlu.encoder.UnboundedEmbeddingCache;
import dev.parley.nlu.hybrid.HybridBlend;
import dev.parley.nlu.training.UncalibratedClassifier;

/**
 * The evaluation commands' classifiers, each trained once and calibrated on the same calibration data: validation
 * questions, plus out-of-fold predictions of the training examples when cross-validating (each example classified
 * by a model that never saw it). Each is trained by the server's own recipe ({@link UncalibratedClassifier}) and
 * served with the {@link Calibration} fitted here, as the server would serve it with these settings. The hybrid
 * blends the two sides as each is calibrated on its own, so the temperatures it is served with are exactly maxent's
 * and the encoder's; its weight is the one that answers the calibration questions best.
 *
 * <p>Why cross-validation predictions: a classifier that answers nearly every validation question right (the seed
 * domain's hybrid does, on its tuning set) has a likelihood that only grows as its confidence does, so a temperature
 * fitted on those questions alone runs to the search's bound and every answer looks certain. Out-of-fold
 * predictions bring the mistakes that make the fitted confidence mean something.
 */
public final class CalibratedClassifiers {

    private static final double[] WEIGHTS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private final List<TrainingExample> examples;
    private final List<LabelledQuestion> validation;
    private final NluProperties nlu;
    private final int folds;
    private final boolean synthesiseNearDomain;
    private final SentenceEncoder sentences;
    private Side maxent;
    private Side encoder;

    /**
     * @param folds cross-validation folds whose predictions join the validation questions; 0 for none
     */
    public CalibratedClassifiers(List<TrainingExample> examples, List<LabelledQuestion> validation, NluProperties nlu,
                                 int folds, SentenceEncoder encoder) {
        this(examples, validation, nlu, folds, encoder, false);
    }

    /**
     * @param folds                cross-validation folds whose predictions join the validation questions; 0 for none
     * @param synthesiseNearDomain whether the calibration data also holds questions near the knowledge base's
     *                             subjects that it does not answer, made from its own examples
     *                             ({@link CrossValidation#unknownIntents}, as many groups as folds)
     */
    public CalibratedClassifiers(List<TrainingExample> examples, List<LabelledQuestion> validation, NluProperties nlu,
                                 int folds, SentenceEncoder encoder, boolean synthesiseNearDomain) {
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        this.examples = examples;
        this.validation = validation;
        this.nlu = nlu;
        this.folds = folds;
        this.synthesiseNearDomain = synthesiseNearDomain && folds > 0;
        // each fold embeds the same training texts again: remembered once, the folds cost only the regression
        this.sentences = encoder instanceof UnboundedEmbeddingCache ? encoder : new UnboundedEmbeddingCache(encoder);
    }

    /**
     * A classifier calibrated and thresholded on the calibration data.
     *
     * @param classifier  trained by the server's recipe and served with {@code calibration}
     * @param calibration what was fitted; {@link NluProperties#settingsFor} names the settings that serve it
     * @param outOfFold   the calibrated out-of-fold predictions of the training examples; empty without folds
     */
    public record Calibrated(IntentClassifier classifier, Calibration calibration, List<Evaluator.Classified> outOfFold,
                             UncalibratedClassifier trained) {
    }

    public Calibrated calibrate(ClassifierKind kind) {
        return switch (kind) {
            case MAXENT -> single(maxent());
            case ENCODER -> single(encoder());
            case HYBRID -> hybrid();
        };
    }

    /** A classifier as trained, at temperature 1, with its predictions of the calibration data: validation, then folds. */
    private record Side(UncalibratedClassifier.Single trained, List<Evaluator.Classified> said, int validated) {

        List<Evaluator.Classified> outOfFold() {
            return said.subList(validated, said.size());
        }
    }

    private Side maxent() {
        if (maxent == null) {
            maxent = side(ClassifierKind.MAXENT);
        }
        return maxent;
    }

    private Side encoder() {
        if (encoder == null) {
            encoder = side(ClassifierKind.ENCODER);
        }
        return encoder;
    }

    private Side side(ClassifierKind kind) {
        var trained = (UncalibratedClassifier.Single) UncalibratedClassifier.train(kind, examples, nlu, sentences);
        var said = new ArrayList<>(Evaluator.classify(trained.classifier(), validation));
        if (folds > 0) {
            said.addAll(CrossValidation.run(examples, folds, CrossValidation.SEED, sample ->
                    ((UncalibratedClassifier.Single) UncalibratedClassifier.train(kind, sample, nlu, sentences))
                            .classifier()));
            if (synthesiseNearDomain) {
                said.addAll(CrossValidation.unknownIntents(examples, folds, CrossValidation.SEED, sample ->
                        ((UncalibratedClassifier.Single) UncalibratedClassifier.train(kind, sample, nlu, sentences))
                                .classifier()));
            }
        }
        return new Side(trained, said, validation.size());
    }

    /**
     * Whether the calibration data speaks for too few intents to weigh what a threshold costs: fewer than half the
     * intents have an in-scope question among it whose fold still learnt another phrasing of its intent (most
     * intents have a single phrasing, which its fold always holds out, and no validation questions are given). An
     * intent known in its fold by its answer sentences alone does not count: such a fold is far harder than the
     * served model, which learnt the question too, and thresholds fitted on it refused four in five of the seed's
     * tuning questions (docs/quality.md). Every fit would then only learn to refuse; instead the confidences stay
     * as the models give them, an even blend, and no thresholds.
     */
    private boolean tooFewInScope(Side side) {
        long intents = examples.stream().map(TrainingExample::intent)
                .filter(intent -> !Prediction.OUT_OF_SCOPE.equals(intent)).distinct().count();
        Set<String> rephrased = examples.stream().filter(TrainingExample::isPhrasing)
                .collect(Collectors.groupingBy(TrainingExample::intent, Collectors.counting()))
                .entrySet().stream().filter(phrasings -> phrasings.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        long spoken = side.said().stream().filter(classified -> !classified.question().outOfScope())
                .map(classified -> classified.question().label()).filter(rephrased::contains).distinct().count();
        return spoken * 2 < intents;
    }

    private static final FallbackPolicy NO_THRESHOLD = new FallbackPolicy(0, 0);

    private Calibrated single(Side side) {
        Calibration.Single calibration = tooFewInScope(side) ? new Calibration.Single(1.0, NO_THRESHOLD)
                : TemperatureScaling.fit(side.said());
        return new Calibrated(side.trained().calibrated(calibration), calibration,
                TemperatureScaling.tempered(side.outOfFold(), calibration.temperature()), side.trained());
    }

    private Calibrated hybrid() {
        // the two sides share nothing but the (thread-safe) embeddings: one trains on another core meanwhile
        ForkJoinTask<Side> wordsTrained = ForkJoinTask.adapt(this::maxent).fork();
        Side meaning = encoder();
        Side words = wordsTrained.join();
        if (tooFewInScope(words)) {
            var calibration = new Calibration.Blended(1.0, 1.0, 0.5, 1.0, NO_THRESHOLD);
            var pair = new UncalibratedClassifier.Pair(words.trained(), meaning.trained());
            List<Evaluator.Classified> served = blend(words.outOfFold(), meaning.outOfFold(), new HybridBlend(0.5, 1.0));
            return new Calibrated(pair.calibrated(calibration), calibration, served, pair);
        }
        double wordsTemperature = TemperatureScaling.fitTemperature(words.said());
        double meaningTemperature = TemperatureScaling.fitTemperature(meaning.said());
        List<Evaluator.Classified> wordsSaid = TemperatureScaling.tempered(words.said(), wordsTemperature);
        List<Evaluator.Classified> meaningSaid = TemperatureScaling.tempered(meaning.said(), meaningTemperature);
        double best = 0;
        long bestCorrect = -1;
        for (double weight : WEIGHTS) {
            List<Evaluator.Classified> blended = blend(wordsSaid, meaningSaid, new HybridBlend(weight, 1.0));
            long correct = ThresholdSelector.choose(blended).correct();
            if (correct > bestCorrect) {
                best = weight;
                bestCorrect = correct;
            }
        }
        Calibration.Single blend = TemperatureScaling.fit(blend(wordsSaid, meaningSaid, new HybridBlend(best, 1.0)));
        var calibration = new Calibration.Blended(wordsTemperature, meaningTemperature, best, blend.temperature(),
                blend.fallback());
        List<Evaluator.Classified> served = blend(wordsSaid, meaningSaid, new HybridBlend(best, blend.temperature()));
        var pair = new UncalibratedClassifier.Pair(words.trained(), meaning.trained());
        return new Calibrated(pair.calibrated(calibration), calibration, served.subList(validation.size(),
                served.size()), pair);
    }

    /** The hybrid's rule applied to the two sides' stored predictions, question by question. */
    private static List<Evaluator.Classified> blend(List<Evaluator.Classified> words,
                                                    List<Evaluator.Classified> meaning, HybridBlend rule) {
        var blended = new ArrayList<Evaluator.Classified>(words.size());
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).question().equals(meaning.get(i).question())) {
                throw new IllegalStateException("the two sides' predictions are out of step at " + i);
            }
            Evaluator.Classified said = meaning.get(i);
            blended.add(new Evaluator.Classified(words.get(i).question(),
                    rule.of(words.get(i).prediction(), said::prediction)));
        }
        return blended;
    }
}

package dev.parley.nlu.training;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.nlu.Calibration;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.OutOfScopeExamples;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.nlu.encoder.UnboundedEmbeddingCache;

/**
 * The classifier the bot serves for a set of training examples, trained and calibrated for exactly those examples:
 * the one recipe behind the server (start-up, reload, an accepted proposal) and the {@code evaluate} command, so that
 * what is measured is what is served.
 *
 * <p>Calibration is the bot's own. Unless the settings fix every value of it, the temperatures, the hybrid's weight
 * and the fallback thresholds are fitted on out-of-fold predictions of the examples themselves
 * ({@value #FOLDS}-fold cross-validation; an intent whose examples a fold holds out entirely stands for a question
 * near the knowledge base's subjects that it does not answer) and of the out-of-scope examples among them. A
 * knowledge base without out-of-scope questions of its own also gets near ones made from its intents: each group of
 * intents is classified by a model trained without it ({@link CrossValidation#unknownIntents}). Then each value the
 * settings do give overrides the fitted one. What is fitted is kept in a {@link CalibrationCache}, keyed by
 * everything it depends on, and the trained model under the same key in a {@link ModelCache}, so an unchanged
 * knowledge base is neither fitted nor trained again.
 */
public final class ServedClassifier {

    /** Folds of the cross-validation that calibration is fitted on. */
    public static final int FOLDS = 5;

    private ServedClassifier() {
    }

    /**
     * Whether the examples hold out-of-scope questions of the knowledge base's own, beyond the bundled generic ones.
     * An owner who wrote them knows which near questions the bot must not answer; without them, calibration makes
     * such questions from the knowledge base's own intents, each classified by a model that does not know it.
     */
    static boolean hasOwnOutOfScope(List<TrainingExample> examples) {
        Set<String> bundled = OutOfScopeExamples.bundled().stream().map(TrainingExample::text)
                .collect(Collectors.toSet());
        return examples.stream().anyMatch(example -> Prediction.OUT_OF_SCOPE.equals(example.intent())
                && !bundled.contains(example.text()));
    }

    /**
     * A trained classifier and the calibration it is served with.
     *
     * @param fitted whether this calibration was fitted (here or from the cache), rather than fixed by the settings
     */
    public record Trained(IntentClassifier classifier, Calibration calibration, boolean fitted) {

        /** When the bot says "I don't know". */
        public FallbackPolicy policy() {
            return calibration.fallback();
        }
    }

    /**
     * Trains and calibrates one kind of classifier on the examples, keeping no trained model.
     *
     * @param encoder the sentence encoder; the folds reuse its embeddings of the same texts
     * @param cache   where fitted calibrations are kept; {@link CalibrationCache#none()} to always fit
     */
    public static Trained train(ClassifierKind kind, List<TrainingExample> examples, NluProperties nlu,
                                SentenceEncoder encoder, CalibrationCache cache) {
        return train(kind, examples, nlu, encoder, cache, ModelCache.none());
    }

    /**
     * Trains and calibrates one kind of classifier on the examples, or restores what an earlier training of the
     * same examples and settings kept.
     *
     * @param encoder the sentence encoder; the folds reuse its embeddings of the same texts
     * @param cache   where fitted calibrations are kept; {@link CalibrationCache#none()} to always fit
     * @param models  where trained models are kept, under the calibration's key; {@link ModelCache#none()} to
     *                always train
     */
    public static Trained train(ClassifierKind kind, List<TrainingExample> examples, NluProperties nlu,
                                SentenceEncoder encoder, CalibrationCache cache, ModelCache models) {
        if (encoder instanceof UnboundedEmbeddingCache given) {
            return trainWith(kind, examples, nlu, given, cache, models); // the caller's, which it keeps or drops
        }
        // the examples are embedded once for every fold and model; the server then asks the model's encoder about
        // every question it gets, which must not all be kept
        var sentences = new UnboundedEmbeddingCache(encoder);
        try {
            return trainWith(kind, examples, nlu, sentences, cache, models);
        } finally {
            sentences.seal();
        }
    }

    private static Trained trainWith(ClassifierKind kind, List<TrainingExample> examples, NluProperties nlu,
                                     UnboundedEmbeddingCache sentences, CalibrationCache cache, ModelCache models) {
        String key = CalibrationCache.key(kind, examples, nlu);
        Optional<Calibration> fixed = nlu.fixedCalibrationOf(kind);
        if (fixed.isPresent()) {
            return new Trained(model(kind, examples, nlu, sentences, key, models).calibrated(fixed.get()),
                    fixed.get(), false);
        }
        Optional<Calibration> kept = cache.find(key);
        if (kept.isPresent()) {
            Calibration calibration = nlu.overriding(kind, kept.get());
            return new Trained(model(kind, examples, nlu, sentences, key, models).calibrated(calibration),
                    calibration, true);
        }
        var fitted = new CalibratedClassifiers(examples, List.of(), nlu, FOLDS, sentences,
                !hasOwnOutOfScope(examples)).calibrate(kind);
        cache.keep(key, fitted.calibration());
        models.keep(key, fitted.trained());
        Calibration calibration = nlu.overriding(kind, fitted.calibration());
        return new Trained(fitted.trained().calibrated(calibration), calibration, true);
    }

    /** The model kept for these examples, or one trained now and kept. */
    private static UncalibratedClassifier model(ClassifierKind kind, List<TrainingExample> examples,
                                                NluProperties nlu, SentenceEncoder sentences, String key,
                                                ModelCache models) {
        return models.find(key, kind, nlu, sentences).orElseGet(() -> {
            UncalibratedClassifier trained = UncalibratedClassifier.train(kind, examples, nlu, sentences);
            models.keep(key, trained);
            return trained;
        });
    }
}

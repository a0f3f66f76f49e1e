package dev.parley.nlu.training;

import java.util.List;

import dev.parley.nlu.Calibration;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.encoder.EncoderIntentClassifier;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.nlu.hybrid.HybridIntentClassifier;
import dev.parley.nlu.maxent.MaxentIntentClassifier;

/**
 * A classifier of one kind as training leaves it, before any calibration: the first half of the one recipe by which
 * the server, {@code evaluate} and {@code benchmark} all make their classifiers. Train, then apply a
 * {@link Calibration}: one fitted on this very model's predictions ({@link ServedClassifier}) or the settings'.
 */
public sealed interface UncalibratedClassifier {

    /**
     * Trains one kind of classifier as the settings configure it, at temperature 1.
     *
     * @param encoder the sentence encoder the encoder and the hybrid embed with (a caching one for evaluation runs
     *                that train many times on the same texts); maxent never touches it
     */
    static UncalibratedClassifier train(ClassifierKind kind, List<TrainingExample> examples, NluProperties settings,
                                        SentenceEncoder encoder) {
        return switch (kind) {
            case MAXENT -> new Single(MaxentIntentClassifier.train(examples, settings.maxent()));
            case ENCODER -> new Single(EncoderIntentClassifier.train(examples, encoder, settings.encoder()));
            case HYBRID -> new Pair(new Single(MaxentIntentClassifier.train(examples, settings.maxent())),
                    new Single(EncoderIntentClassifier.train(examples, encoder, settings.encoder())));
        };
    }


    /** This model calibrated: ready to serve, or to measure exactly as it would be served. */
    IntentClassifier calibrated(Calibration calibration);

    /**
     * Maxent or the encoder alone.
     *
     * @param classifier its predictions at temperature 1, as calibration reads them
     */
    record Single(IntentClassifier classifier) implements UncalibratedClassifier {
        @Override
        public IntentClassifier calibrated(Calibration calibration) {
            if (!(calibration instanceof Calibration.Single single)) {
                throw new IllegalArgumentException("one classifier takes one temperature, not " + calibration);
            }
            return new TemperedClassifier(classifier, single.temperature());
        }
    }

    /** The hybrid's two halves, trained on the same examples: the words (maxent) and the meaning (the encoder). */
    record Pair(Single words, Single meaning) implements UncalibratedClassifier {
        @Override
        public IntentClassifier calibrated(Calibration calibration) {
            if (!(calibration instanceof Calibration.Blended blended)) {
                throw new IllegalArgumentException("the hybrid takes a blend's calibration, not " + calibration);
            }
            return new HybridIntentClassifier(new TemperedClassifier(words.classifier(), blended.maxentTemperature()),
                    new TemperedClassifier(meaning.classifier(), blended.encoderTemperature()),
                    blended.maxentWeight(), blended.temperature());
        }
    }
}

package dev.parley.testing;

import org.springframework.boot.context.properties.bind.Binder;

import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.EncoderSettings;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.HybridSettings;
import dev.parley.nlu.MaxentSettings;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.OutOfScopeScore;

/**
 * Classifier settings for tests, by name: the defaults, as the binder makes them from no setting at all, and a
 * builder that changes only what a test is about. The one place that knows the settings records' positional order.
 */
public final class NluFixtures {

    private NluFixtures() {
    }

    /** Every {@code parley.nlu.*} setting at its default: the hybrid, calibrated as application.yml says. */
    public static NluProperties defaults() {
        return builder().build();
    }

    /** The defaults with maxent served: fast to train, and no sentence encoder loaded. */
    public static NluProperties maxentOnly() {
        return builder().classifier(ClassifierKind.MAXENT).build();
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder(new Binder().bindOrCreate(NluProperties.PREFIX, NluProperties.class));
    }

    /** The defaults, changed one concern at a time. */
    public static final class Builder {

        private ClassifierKind classifier;
        private FallbackPolicy fallback;
        private MaxentSettings maxent;
        private EncoderSettings encoder;
        private HybridSettings hybrid;
        private boolean learnOutOfScope;
        private String calibrationCache;

        private Builder(NluProperties defaults) {
            classifier = defaults.classifier();
            fallback = defaults.fallback();
            maxent = defaults.maxent();
            encoder = defaults.encoder();
            hybrid = defaults.hybrid();
            learnOutOfScope = defaults.learnOutOfScope();
            calibrationCache = defaults.calibrationCache();
        }

        /** Which classifier is served. */
        public Builder classifier(ClassifierKind kind) {
            classifier = kind;
            return this;
        }

        /** Every temperature 1: confidences as the models themselves give them. */
        public Builder uncalibrated() {
            maxent = new MaxentSettings(maxent.algorithm(), maxent.iterations(), maxent.cutoff(), maxent.l2(),
                    maxent.features(), 1.0);
            encoder = new EncoderSettings(encoder.epochs(), encoder.learningRate(), encoder.l2(), 1.0,
                    encoder.fallback(), encoder.threads(), encoder.oosScore(), encoder.mahalanobisRidge());
            hybrid = new HybridSettings(hybrid.maxentWeight(), 1.0, hybrid.fallback());
            return this;
        }

        /** The same fallback thresholds for every kind of classifier. */
        public Builder fallback(FallbackPolicy policy) {
            fallback = policy;
            encoder = new EncoderSettings(encoder.epochs(), encoder.learningRate(), encoder.l2(),
                    encoder.temperature(), policy, encoder.threads(), encoder.oosScore(), encoder.mahalanobisRidge());
            hybrid = new HybridSettings(hybrid.maxentWeight(), hybrid.temperature(), policy);
            return this;
        }

        /** Whether the out-of-scope questions are learnt as a class of their own. */
        public Builder learnOutOfScope(boolean learn) {
            learnOutOfScope = learn;
            return this;
        }

        /** The encoder's regression: its first step size and L2 weight. */
        public Builder encoderRegression(double learningRate, double l2) {
            encoder = new EncoderSettings(encoder.epochs(), learningRate, l2, encoder.temperature(),
                    encoder.fallback(), encoder.threads(), encoder.oosScore(), encoder.mahalanobisRidge());
            return this;
        }

        /** Where the encoder's doubt comes from, and the Mahalanobis score's ridge. */
        public Builder oosScore(OutOfScopeScore score, double ridge) {
            encoder = new EncoderSettings(encoder.epochs(), encoder.learningRate(), encoder.l2(),
                    encoder.temperature(), encoder.fallback(), encoder.threads(), score, ridge);
            return this;
        }

        /** ONNX Runtime threads per question; 0 for one per core. */
        public Builder encoderThreads(int threads) {
            encoder = new EncoderSettings(encoder.epochs(), encoder.learningRate(), encoder.l2(),
                    encoder.temperature(), encoder.fallback(), threads, encoder.oosScore(),
                    encoder.mahalanobisRidge());
            return this;
        }

        /** Maxent's share of the hybrid's blend. */
        public Builder maxentWeight(double weight) {
            hybrid = new HybridSettings(weight, hybrid.temperature(), hybrid.fallback());
            return this;
        }

        public NluProperties build() {
            return new NluProperties(classifier, fallback, maxent, encoder, hybrid, learnOutOfScope, calibrationCache);
        }
    }
}

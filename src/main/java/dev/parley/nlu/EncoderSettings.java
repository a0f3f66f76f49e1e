package dev.parley.nlu;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the encoder classifier is trained and calibrated, and when it falls back. The regression's settings were
 * chosen on CLINC150's validation data, the temperature and thresholds on the seed domain's tuning set
 * (docs/quality.md).
 *
 * @param epochs       passes of mini-batch gradient descent over the training examples
 * @param learningRate first step size; it decays as 1 / (1 + 0.1 epoch)
 * @param l2           L2 regularisation weight
 * @param temperature  calibrates the probabilities (temperature scaling)
 * @param fallback     when to fall back while this classifier is served, on its own calibrated scale; without a
 *                     {@code fallback.*} setting {@link #DEFAULT_FALLBACK}, not {@link FallbackPolicy}'s defaults
 *                     (which are maxent's)
 * @param threads      ONNX Runtime threads one question may use; 0 for one per core, which makes the slowest
 *                     questions far slower while other processes want the cores (docs/benchmarks.md)
 * @param oosScore     where the doubt that a question is in scope comes from: the regression's probabilities, or
 *                     also the Mahalanobis distance to the nearest intent (docs/quality.md)
 * @param mahalanobisRidge added to the diagonal of the Mahalanobis score's covariance; chosen on CLINC150's
 *                     validation data
 */
public record EncoderSettings(@DefaultValue("60") int epochs, @DefaultValue("20") double learningRate,
                              @DefaultValue("1e-5") double l2, @DefaultValue("0.794") double temperature,
                              FallbackPolicy fallback, @DefaultValue("1") int threads,
                              @DefaultValue("probability") OutOfScopeScore oosScore,
                              @DefaultValue("0.03") double mahalanobisRidge) {

    /** The encoder's thresholds when none are set, as in application.yml (fitted: docs/quality.md). */
    public static final FallbackPolicy DEFAULT_FALLBACK = new FallbackPolicy(0.0, 0.01);

    public EncoderSettings {
        // A nested record's @DefaultValue can only be its type's own defaults; the binder passes null when no
        // fallback.* key is set at all.
        fallback = fallback == null ? DEFAULT_FALLBACK : fallback;
        if (!(mahalanobisRidge > 0)) {
            throw new IllegalArgumentException("the Mahalanobis ridge must be positive, got " + mahalanobisRidge);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, got " + threads);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (!(learningRate > 0) || l2 < 0) {
            throw new IllegalArgumentException("learning rate must be positive and l2 not negative, got "
                    + learningRate + " and " + l2);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
    }
}

package dev.parley.nlu;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the encoder classifier is trained and calibrated, and when it falls back. The regression's settings were
 * chosen on CLINC150's validation data (docs/quality.md); the temperature and thresholds, when unset, are fitted at
 * every training from the knowledge base itself.
 *
 * @param epochs       passes of mini-batch gradient descent over the training examples
 * @param learningRate first step size; it decays as 1 / (1 + 0.1 epoch)
 * @param l2           L2 regularisation weight
 * @param temperature  calibrates the probabilities (temperature scaling); null: fitted at training
 * @param fallback     when to fall back while this classifier is served, on its own calibrated scale; fitted at
 *                     training when unset, as the temperature is
 * @param threads      ONNX Runtime threads one question may use; 0 for one per core, which makes the slowest
 *                     questions far slower while other processes want the cores (docs/benchmarks.md)
 * @param oosScore     where the doubt that a question is in scope comes from: the regression's probabilities, or
 *                     also the Mahalanobis distance to the nearest intent (docs/quality.md)
 * @param mahalanobisRidge added to the diagonal of the Mahalanobis score's covariance; chosen on CLINC150's
 *                     validation data
 */
public record EncoderSettings(@DefaultValue("60") int epochs, @DefaultValue("20") double learningRate,
                              @DefaultValue("1e-5") double l2, Double temperature,
                              FallbackPolicy fallback, @DefaultValue("1") int threads,
                              @DefaultValue("probability") OutOfScopeScore oosScore,
                              @DefaultValue("0.03") double mahalanobisRidge) {

    public EncoderSettings {
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
        if (temperature != null && !(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
    }
}

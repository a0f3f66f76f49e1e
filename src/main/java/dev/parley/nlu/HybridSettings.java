package dev.parley.nlu;

/**
 * How the hybrid blends its two classifiers, each trained as {@code parley.nlu.maxent} and {@code parley.nlu.encoder}
 * say; how the blend is calibrated; and when it falls back. Each value left unset (null, the default) is fitted at
 * every training from the knowledge base itself ({@code SelfCalibration}, nlu.training); one that is set overrides
 * what would be fitted.
 *
 * @param maxentWeight share of the maxent probabilities in the blend, 0..1; the encoder has the rest
 * @param temperature  calibrates the blended probabilities
 * @param fallback     when to fall back while this classifier is served, on its own calibrated scale
 */
public record HybridSettings(Double maxentWeight, Double temperature, FallbackPolicy fallback) {

    public HybridSettings {
        if (maxentWeight != null && (maxentWeight < 0 || maxentWeight > 1)) {
            throw new IllegalArgumentException("maxent weight must lie in 0..1, got " + maxentWeight);
        }
        if (temperature != null && !(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
    }
}

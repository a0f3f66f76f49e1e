package dev.parley.nlu;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hybrid blends its two classifiers, each trained and calibrated as {@code parley.nlu.maxent} and
 * {@code parley.nlu.encoder} say; how the blend is calibrated; and when it falls back. The weight, the blend's
 * temperature and the thresholds are fitted on the seed domain's tuning set and cross-validation predictions by
 * {@code evaluate --classifier hybrid --tune FILE --cross-validate 5} (docs/quality.md), which prints them.
 *
 * @param maxentWeight share of the maxent probabilities in the blend, 0..1; the encoder has the rest
 * @param temperature  calibrates the blended probabilities
 * @param fallback     when to fall back while this classifier is served, on its own calibrated scale; without a
 *                     {@code fallback.*} setting {@link #DEFAULT_FALLBACK}, not {@link FallbackPolicy}'s defaults
 *                     (which are maxent's)
 */
public record HybridSettings(@DefaultValue("0.3") double maxentWeight, @DefaultValue("0.749") double temperature,
                             FallbackPolicy fallback) {

    /** The hybrid's thresholds when none are set, as in application.yml (fitted: docs/quality.md). */
    public static final FallbackPolicy DEFAULT_FALLBACK = new FallbackPolicy(0.0, 0.0);

    public HybridSettings {
        // A nested record's @DefaultValue can only be its type's own defaults; the binder passes null when no
        // fallback.* key is set at all.
        fallback = fallback == null ? DEFAULT_FALLBACK : fallback;
        if (maxentWeight < 0 || maxentWeight > 1) {
            throw new IllegalArgumentException("maxent weight must lie in 0..1, got " + maxentWeight);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
    }
}

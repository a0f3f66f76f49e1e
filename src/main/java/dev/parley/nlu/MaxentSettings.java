package dev.parley.nlu;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the maxent model is trained; the defaults were chosen by cross-validation (docs/quality.md).
 *
 * @param algorithm  OpenNLP trainer: {@code MAXENT} (GIS) or {@code MAXENT_QN} (L-BFGS with regularisation)
 * @param iterations training iterations
 * @param cutoff     features seen fewer times than this are dropped
 * @param l2         L2 regularisation weight, used by {@code MAXENT_QN} only
 * @param features   which features to extract
 * @param temperature calibrates the probabilities (temperature scaling); null: fitted at every training from the
 *                    knowledge base itself, as the thresholds are
 */
public record MaxentSettings(@DefaultValue("MAXENT") String algorithm, @DefaultValue("50") int iterations,
                             @DefaultValue("0") int cutoff, @DefaultValue("0.5") double l2,
                             @DefaultValue FeatureSettings features, Double temperature) {
    public MaxentSettings {
        if (!algorithm.equals("MAXENT") && !algorithm.equals("MAXENT_QN")) {
            throw new IllegalArgumentException("algorithm must be MAXENT or MAXENT_QN, got " + algorithm);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        if (temperature != null && !(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (cutoff < 0) {
            throw new IllegalArgumentException("cutoff must not be negative, got " + cutoff);
        }
    }
}

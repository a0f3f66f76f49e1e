package dev.parley.nlu;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hybrid blends its two classifiers (trained as {@code parley.nlu.maxent} and {@code parley.nlu.encoder}
 * say), each calibrated on its own before the blend; how the blend is calibrated; and when it falls back. All of
 * it is fitted together on the seed domain's tuning set by {@code evaluate --classifier hybrid} (docs/quality.md),
 * which prints these settings.
 *
 * @param maxentTemperature  calibrates the maxent side before the blend
 * @param encoderTemperature calibrates the encoder side before the blend
 * @param maxentWeight       share of the maxent probabilities in the blend, 0..1; the encoder has the rest
 * @param temperature        calibrates the blended probabilities
 * @param fallback           when to fall back while this classifier is served
 */
public record HybridSettings(@DefaultValue("1.0") double maxentTemperature,
                             @DefaultValue("1.0") double encoderTemperature,
                             @DefaultValue("0.5") double maxentWeight, @DefaultValue("1.0") double temperature,
                             @DefaultValue FallbackPolicy fallback) {
    public HybridSettings {
        if (maxentWeight < 0 || maxentWeight > 1) {
            throw new IllegalArgumentException("maxent weight must lie in 0..1, got " + maxentWeight);
        }
        if (!(maxentTemperature > 0) || !(encoderTemperature > 0) || !(temperature > 0)) {
            throw new IllegalArgumentException("temperatures must be positive, got " + maxentTemperature + ", "
                    + encoderTemperature + " and " + temperature);
        }
    }
}

package dev.parley.nlu;

/**
 * What is fitted after training, apart from what is learnt: the temperatures that make a classifier's confidence mean
 * what it says, and the fallback thresholds on that calibrated scale. The settings give one
 * ({@link NluProperties#calibrationOf}), {@code evaluate --tune} and {@code benchmark} fit one; either way
 * {@code UncalibratedClassifier.calibrated} (nlu.training) applies it, so what is measured is what is served.
 */
public sealed interface Calibration {

    /** The temperature of the confidence the classifier serves (the blend's, for the hybrid). */
    double temperature();

    /** When to fall back, on the calibrated scale. */
    FallbackPolicy fallback();

    /**
     * Maxent's or the encoder's calibration.
     *
     * @param temperature calibrates the probabilities (temperature scaling)
     */
    record Single(double temperature, FallbackPolicy fallback) implements Calibration {
        public Single {
            requirePositive(temperature, "temperature");
        }
    }

    /**
     * The hybrid's: each half calibrated on its own, blended, and the blend calibrated again.
     *
     * @param maxentTemperature  maxent's own temperature, applied before the blend
     * @param encoderTemperature the encoder's own temperature, applied before the blend
     * @param maxentWeight       maxent's share of the blend, 0..1; the encoder has the rest
     * @param temperature        calibrates the blend
     */
    record Blended(double maxentTemperature, double encoderTemperature, double maxentWeight, double temperature,
                   FallbackPolicy fallback) implements Calibration {
        public Blended {
            requirePositive(maxentTemperature, "maxent temperature");
            requirePositive(encoderTemperature, "encoder temperature");
            requirePositive(temperature, "temperature");
            if (maxentWeight < 0 || maxentWeight > 1) {
                throw new IllegalArgumentException("the weight must lie in 0..1, got " + maxentWeight);
            }
        }
    }

    private static void requirePositive(double temperature, String name) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException(name + " must be positive, got " + temperature);
        }
    }
}

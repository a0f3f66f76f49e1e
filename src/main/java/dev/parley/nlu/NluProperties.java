package dev.parley.nlu;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the classifier and the fallback decision ({@code parley.nlu.*}, documented in application.yml).
 *
 * @param classifier which classifier the bot serves
 * @param fallback   when to say "I don't know" instead of answering, while maxent is served (the encoder and the
 *                   hybrid have thresholds of their own, measured on their own calibrated scale)
 * @param maxent     how the maxent classifier is trained
 * @param encoder    how the encoder classifier is trained and calibrated
 * @param hybrid     how the hybrid blends the two
 * @param learnOutOfScope whether to train an out-of-scope class on the bundled generic questions
 *                        ({@link OutOfScopeExamples}); measured in docs/quality.md
 * @param calibrationCache the folder where fitted calibrations and the trained models are kept between starts,
 *                         relative to the working directory; empty to fit and train at every training
 */
@ConfigurationProperties(NluProperties.PREFIX)
public record NluProperties(@DefaultValue("hybrid") ClassifierKind classifier, FallbackPolicy fallback,
                            @DefaultValue MaxentSettings maxent, @DefaultValue EncoderSettings encoder,
                            @DefaultValue HybridSettings hybrid, @DefaultValue("true") boolean learnOutOfScope,
                            @DefaultValue("data/calibration") String calibrationCache) {

    /** The settings' prefix; the names below are its record components, dashed, as the binder reads them. */
    public static final String PREFIX = "parley.nlu";

    /**
     * The calibration the settings fix for one kind of classifier, when they fix all of it: maxent's and the
     * encoder's temperature and thresholds, each on its own calibrated scale; for the hybrid, the two halves'
     * temperatures, its weight and its own temperature and thresholds. Empty when any of these is unset: then it is
     * fitted at training ({@code SelfCalibration}, nlu.training) and {@link #overriding} applies what is set.
     */
    public Optional<Calibration> fixedCalibrationOf(ClassifierKind kind) {
        return switch (kind) {
            case MAXENT -> maxent.temperature() == null || fallback == null ? Optional.empty()
                    : Optional.of(new Calibration.Single(maxent.temperature(), fallback));
            case ENCODER -> encoder.temperature() == null || encoder.fallback() == null ? Optional.empty()
                    : Optional.of(new Calibration.Single(encoder.temperature(), encoder.fallback()));
            case HYBRID -> maxent.temperature() == null || encoder.temperature() == null
                    || hybrid.maxentWeight() == null || hybrid.temperature() == null || hybrid.fallback() == null
                    ? Optional.empty()
                    : Optional.of(new Calibration.Blended(maxent.temperature(), encoder.temperature(),
                            hybrid.maxentWeight(), hybrid.temperature(), hybrid.fallback()));
        };
    }

    /**
     * A fitted calibration with every value these settings set in its place: an explicit setting always overrides
     * what training fits.
     */
    public Calibration overriding(ClassifierKind kind, Calibration fitted) {
        return switch (kind) {
            case MAXENT -> new Calibration.Single(or(maxent.temperature(), fitted.temperature()),
                    or(fallback, fitted.fallback()));
            case ENCODER -> new Calibration.Single(or(encoder.temperature(), fitted.temperature()),
                    or(encoder.fallback(), fitted.fallback()));
            case HYBRID -> {
                var blended = (Calibration.Blended) fitted;
                yield new Calibration.Blended(or(maxent.temperature(), blended.maxentTemperature()),
                        or(encoder.temperature(), blended.encoderTemperature()),
                        or(hybrid.maxentWeight(), blended.maxentWeight()), or(hybrid.temperature(),
                        blended.temperature()), or(hybrid.fallback(), blended.fallback()));
            }
        };
    }

    private static <T> T or(T set, T fitted) {
        return set != null ? set : fitted;
    }

    /**
     * The settings that serve one kind of classifier with a calibration, as application.yml names them, in the order
     * it lists them: the inverse of {@link #calibrationOf}, so a calibration fitted by {@code evaluate --tune} can be
     * written down. Temperatures are given to three decimals, as a setting is written down; calibration is not
     * sensitive below that.
     */
    public static Map<String, Object> settingsFor(ClassifierKind kind, Calibration calibration) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put(PREFIX + ".classifier", kind.settingName());
        if (calibration instanceof Calibration.Blended blended) {
            settings.put(PREFIX + ".maxent.temperature", round(blended.maxentTemperature()));
            settings.put(PREFIX + ".encoder.temperature", round(blended.encoderTemperature()));
            settings.put(PREFIX + ".hybrid.maxent-weight", blended.maxentWeight());
            settings.put(PREFIX + ".hybrid.temperature", round(blended.temperature()));
            putFallback(settings, PREFIX + ".hybrid", blended.fallback());
        } else if (kind == ClassifierKind.MAXENT) {
            settings.put(PREFIX + ".maxent.temperature", round(calibration.temperature()));
            putFallback(settings, PREFIX, calibration.fallback());
        } else {
            settings.put(PREFIX + ".encoder.temperature", round(calibration.temperature()));
            putFallback(settings, PREFIX + ".encoder", calibration.fallback());
        }
        return settings;
    }

    private static void putFallback(Map<String, Object> settings, String owner, FallbackPolicy policy) {
        settings.put(owner + ".fallback.min-confidence", policy.minConfidence());
        settings.put(owner + ".fallback.min-margin", policy.minMargin());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

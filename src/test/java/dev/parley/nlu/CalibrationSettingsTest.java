package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The settings {@code evaluate --tune} prints serve exactly the calibration it fitted; without them, calibration is
 * fitted at training, and a value that is set overrides the fitted one.
 */
class CalibrationSettingsTest {

    private static Calibration fitted(ClassifierKind kind) {
        var fallback = new FallbackPolicy(0.37, 0.05);
        return kind == ClassifierKind.HYBRID ? new Calibration.Blended(0.412, 0.873, 0.4, 0.651, fallback)
                : new Calibration.Single(0.529, fallback);
    }

    @ParameterizedTest
    @EnumSource(ClassifierKind.class)
    void theSettingsForACalibrationBindBackToIt(ClassifierKind kind) {
        Map<String, Object> settings = NluProperties.settingsFor(kind, fitted(kind));
        var asText = new LinkedHashMap<String, String>();
        settings.forEach((key, value) -> asText.put(key, String.valueOf(value)));

        NluProperties bound = new Binder(new MapConfigurationPropertySource(asText))
                .bindOrCreate(NluProperties.PREFIX, NluProperties.class);

        assertThat(bound.classifier()).isEqualTo(kind);
        assertThat(bound.fixedCalibrationOf(kind)).contains(fitted(kind));
    }

    @ParameterizedTest
    @EnumSource(ClassifierKind.class)
    void withoutSettingsNothingIsFixedAndTheFittedCalibrationIsServed(ClassifierKind kind) {
        NluProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of("parley.nlu.classifier",
                kind.name()))).bindOrCreate(NluProperties.PREFIX, NluProperties.class);

        assertThat(defaults.fixedCalibrationOf(kind)).isEmpty();
        assertThat(defaults.overriding(kind, fitted(kind))).isEqualTo(fitted(kind));
    }

    @Test
    void aThresholdThatIsSetOverridesTheFittedOneAndLeavesTheRestFitted() {
        NluProperties settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "parley.nlu.hybrid.fallback.min-confidence", "0.7",
                "parley.nlu.encoder.temperature", "2.5"))).bindOrCreate(NluProperties.PREFIX, NluProperties.class);
        var fitted = (Calibration.Blended) fitted(ClassifierKind.HYBRID);

        assertThat(settings.fixedCalibrationOf(ClassifierKind.HYBRID)).isEmpty();
        assertThat(settings.overriding(ClassifierKind.HYBRID, fitted)).isEqualTo(new Calibration.Blended(
                fitted.maxentTemperature(), 2.5, fitted.maxentWeight(), fitted.temperature(),
                new FallbackPolicy(0.7, 0.0)));
    }
}

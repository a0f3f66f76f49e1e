package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings {@code evaluate --tune} prints serve exactly the calibration it fitted. */
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
        assertThat(bound.calibrationOf(kind)).isEqualTo(fitted(kind));
        assertThat(bound.servedFallback()).isEqualTo(fitted(kind).fallback());
    }
}

package dev.parley.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.nlu.Calibration;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.testing.NluFixtures;
import dev.parley.testing.StandIns;

/** Fitted calibrations are kept by a key of everything they depend on, and served again instead of refitted. */
class CalibrationCacheTest {

    private static final NluProperties MAXENT = NluFixtures.maxentOnly();
    private static final SentenceEncoder NO_ENCODER = sentence -> {
        throw new AssertionError("maxent embeds nothing");
    };

    private static List<TrainingExample> examples() {
        return StandIns.shopExamples();
    }

    @Test
    void keepsAndFindsBothKindsOfCalibration(@TempDir Path folder) {
        var cache = CalibrationCache.inFolder(folder.resolve("made-when-needed"));
        var single = new Calibration.Single(0.61, new FallbackPolicy(0.2, 0.05));
        var blended = new Calibration.Blended(0.5, 0.8, 0.3, 0.75, new FallbackPolicy(0.0, 0.01));

        cache.keep("a", single);
        cache.keep("b", blended);

        assertThat(cache.find("a")).contains(single);
        assertThat(cache.find("b")).contains(blended);
        assertThat(cache.find("c")).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsFittedAgainNotServed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("k.json"), "{\"temperature\": ");

        assertThat(CalibrationCache.inFolder(folder).find("k")).isEmpty();
    }

    @Test
    void theKeyChangesWithAnyExampleOrSettingAndOnlyThen() {
        List<TrainingExample> examples = examples();
        var changed = new ArrayList<>(examples);
        changed.set(3, new TrainingExample("order-status", "has my parcel shipped"));

        String key = CalibrationCache.key(ClassifierKind.MAXENT, examples, MAXENT);

        assertThat(CalibrationCache.key(ClassifierKind.MAXENT, examples(), MAXENT)).isEqualTo(key);
        assertThat(CalibrationCache.key(ClassifierKind.MAXENT, changed, MAXENT)).isNotEqualTo(key);
        assertThat(CalibrationCache.key(ClassifierKind.HYBRID, examples, MAXENT)).isNotEqualTo(key);
        assertThat(CalibrationCache.key(ClassifierKind.MAXENT, examples,
                NluFixtures.builder().classifier(ClassifierKind.MAXENT).learnOutOfScope(false).build()))
                .isNotEqualTo(key);
    }

    @Test
    void aSecondTrainingServesTheKeptCalibrationInsteadOfFittingAgain(@TempDir Path folder) throws IOException {
        var cache = CalibrationCache.inFolder(folder);
        ServedClassifier.Trained first = ServedClassifier.train(ClassifierKind.MAXENT, examples(), MAXENT,
                NO_ENCODER, cache);
        List<Path> kept;
        try (Stream<Path> files = Files.list(folder)) {
            kept = files.toList();
        }
        assertThat(kept).hasSize(1);
        assertThat(first.fitted()).isTrue();
        // a calibration no fit would give: only reading the file can serve it
        var planted = new Calibration.Single(3.21, new FallbackPolicy(0.42, 0.0));
        cache.keep(kept.get(0).getFileName().toString().replace(".json", ""), planted);

        ServedClassifier.Trained second = ServedClassifier.train(ClassifierKind.MAXENT, examples(), MAXENT,
                NO_ENCODER, cache);

        assertThat(second.calibration()).isEqualTo(planted);
        assertThat(second.policy()).isEqualTo(planted.fallback());
    }
}

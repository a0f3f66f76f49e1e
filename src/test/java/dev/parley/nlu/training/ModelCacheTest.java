package dev.parley.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.OutOfScopeScore;
import dev.parley.nlu.Question;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.testing.NluFixtures;
import dev.parley.testing.StandIns;

/**
 * A start whose training set did not change restores the models an earlier training kept, and serves exactly what
 * that training served; any change to the examples trains again, and a damaged file is trained again, never served.
 */
class ModelCacheTest {

    private static final NluProperties HYBRID = NluFixtures.defaults();
    private static final NluProperties MAHALANOBIS = NluFixtures.builder().oosScore(OutOfScopeScore.MAHALANOBIS, 0.03)
            .build();
    private static final List<String> QUESTIONS = List.of("where is my parcel now", "I want my money back",
            "tell me a joke please", "order", "what's the weather like", "exchange a parcel");

    /** A stand-in encoder, one dimension per known word, that counts the training sets it embeds. */
    private static final class WordEncoder implements SentenceEncoder {
        private static final List<String> WORDS = List.of("parcel", "order", "package", "return", "refund", "money",
                "exchange", "weather", "joke", "music", "alarm", "shipped", "arrive", "back");
        final AtomicInteger trainingSets = new AtomicInteger();

        @Override
        public float[] embed(String sentence) {
            return StandIns.wordVector(WORDS, sentence);
        }

        @Override
        public List<float[]> embedAll(List<String> sentences) {
            trainingSets.incrementAndGet();
            return sentences.stream().map(this::embed).toList();
        }
    }

    private static List<TrainingExample> examples() {
        var examples = new ArrayList<>(StandIns.shopExamples());
        examples.add(new TrainingExample("returns", "I want a refund of my money"));
        return examples;
    }

    private static ServedClassifier.Trained train(ClassifierKind kind, NluProperties nlu,
                                                  List<TrainingExample> examples, SentenceEncoder encoder,
                                                  Path folder) {
        return ServedClassifier.train(kind, examples, nlu, encoder, CalibrationCache.inFolder(folder),
                ModelCache.inFolder(folder));
    }

    private static void assertSamePredictions(IntentClassifier served, IntentClassifier expected) {
        for (String question : QUESTIONS) {
            // records compare every intent's score exactly, in order
            assertThat(served.classify(Question.of(question))).as(question)
                    .isEqualTo(expected.classify(Question.of(question)));
        }
    }

    private static List<Path> models(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".model")).toList();
        }
    }

    @Test
    void aSecondStartRestoresTheHybridAndServesExactlyWhatAFreshTrainingServes(@TempDir Path folder) {
        var encoder = new WordEncoder();
        ServedClassifier.Trained first = train(ClassifierKind.HYBRID, HYBRID, examples(), encoder, folder);
        int embeddedByTheFirst = encoder.trainingSets.get();

        ServedClassifier.Trained second = train(ClassifierKind.HYBRID, HYBRID, examples(), encoder, folder);
        ServedClassifier.Trained fresh = ServedClassifier.train(ClassifierKind.HYBRID, examples(), HYBRID,
                new WordEncoder(), CalibrationCache.none());

        assertThat(encoder.trainingSets.get()).as("the second start trains nothing").isEqualTo(embeddedByTheFirst);
        assertThat(second.calibration()).isEqualTo(first.calibration()).isEqualTo(fresh.calibration());
        assertSamePredictions(second.classifier(), first.classifier());
        assertSamePredictions(second.classifier(), fresh.classifier());
    }

    @Test
    void theMahalanobisScoreIsRestoredExactlyToo(@TempDir Path folder) {
        var encoder = new WordEncoder();
        ServedClassifier.Trained first = train(ClassifierKind.ENCODER, MAHALANOBIS, examples(), encoder, folder);
        int embeddedByTheFirst = encoder.trainingSets.get();

        ServedClassifier.Trained second = train(ClassifierKind.ENCODER, MAHALANOBIS, examples(), encoder, folder);

        assertThat(encoder.trainingSets.get()).isEqualTo(embeddedByTheFirst);
        assertSamePredictions(second.classifier(), first.classifier());
    }

    @Test
    void maxentIsRestoredFromOpenNlpsOwnModelFormat(@TempDir Path folder) throws IOException {
        NluProperties maxent = NluFixtures.maxentOnly();
        ServedClassifier.Trained first = train(ClassifierKind.MAXENT, maxent, examples(), null, folder);
        Path kept = models(folder).get(0);
        long written = Files.getLastModifiedTime(kept).toMillis();

        ServedClassifier.Trained second = train(ClassifierKind.MAXENT, maxent, examples(), null, folder);

        assertSamePredictions(second.classifier(), first.classifier());
        assertThat(Files.getLastModifiedTime(kept).toMillis()).as("read, not written again").isEqualTo(written);
    }

    @Test
    void changingOneExampleTrainsAgainAndServesTheNewTraining(@TempDir Path folder) throws IOException {
        var encoder = new WordEncoder();
        train(ClassifierKind.HYBRID, HYBRID, examples(), encoder, folder);
        var changed = new ArrayList<>(examples());
        changed.set(4, new TrainingExample("returns", "order status please"));
        int before = encoder.trainingSets.get();

        ServedClassifier.Trained retrained = train(ClassifierKind.HYBRID, HYBRID, changed, encoder, folder);
        ServedClassifier.Trained fresh = ServedClassifier.train(ClassifierKind.HYBRID, changed, HYBRID,
                new WordEncoder(), CalibrationCache.none());

        assertThat(encoder.trainingSets.get()).isGreaterThan(before);
        assertThat(models(folder)).hasSize(2);
        assertSamePredictions(retrained.classifier(), fresh.classifier());
    }

    @Nested
    class ADamagedFileIsTrainedAgainNotServed {

        private ServedClassifier.Trained trainedAfterDamage(Path folder, java.util.function.UnaryOperator<byte[]> damage)
                throws IOException {
            var encoder = new WordEncoder();
            train(ClassifierKind.HYBRID, HYBRID, examples(), encoder, folder);
            Path kept = models(folder).get(0);
            Files.write(kept, damage.apply(Files.readAllBytes(kept)));
            int before = encoder.trainingSets.get();
            ServedClassifier.Trained again = train(ClassifierKind.HYBRID, HYBRID, examples(), encoder, folder);
            assertThat(encoder.trainingSets.get()).as("trained again").isGreaterThan(before);
            return again;
        }

        @Test
        void oneByteChanged(@TempDir Path folder) throws IOException {
            ServedClassifier.Trained again = trainedAfterDamage(folder, bytes -> {
                bytes[bytes.length / 2] ^= 0x10;
                return bytes;
            });

            assertSamePredictions(again.classifier(), ServedClassifier.train(ClassifierKind.HYBRID, examples(),
                    HYBRID, new WordEncoder(), CalibrationCache.none()).classifier());
        }

        @Test
        void cutShort(@TempDir Path folder) throws IOException {
            trainedAfterDamage(folder, bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 3));
        }

        @Test
        void notAModelAtAll(@TempDir Path folder) throws IOException {
            trainedAfterDamage(folder, bytes -> "{\"temperature\": 1}".getBytes());
        }

        @Test
        void theFileIsWrittenAgainAndThenServes(@TempDir Path folder) throws IOException {
            trainedAfterDamage(folder, bytes -> new byte[0]);
            var encoder = new WordEncoder();

            train(ClassifierKind.HYBRID, HYBRID, examples(), encoder, folder);

            assertThat(encoder.trainingSets.get()).isZero();
        }
    }
}

package dev.parley.nlu.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.Calibration;
import dev.parley.nlu.EncoderSettings;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.OutOfScopeScore;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.training.UncalibratedClassifier;
import dev.parley.testing.NluFixtures;
import dev.parley.testing.StandIns;

class EncoderIntentClassifierTest {

    private static final EncoderSettings SETTINGS = NluFixtures.builder().uncalibrated()
            .fallback(new FallbackPolicy(0.1, 0)).encoderRegression(0.5, 1e-4).build().encoder();

    /** A stand-in encoder for the regression's own tests: one dimension per known word. */
    private static final List<String> WORDS = List.of("icc", "court", "refer", "refugees", "unhcr", "agency",
            "weather", "rain", "hello");
    private static final SentenceEncoder WORD_ENCODER = sentence -> StandIns.wordVector(WORDS, sentence);

    private static List<TrainingExample> examples() {
        var examples = new ArrayList<TrainingExample>();
        for (String text : List.of("refer a case to the icc", "icc court referral", "who can refer to the court")) {
            examples.add(new TrainingExample("icc-referral", text));
        }
        for (String text : List.of("what does the unhcr do", "refugees agency", "unhcr and refugees")) {
            examples.add(new TrainingExample("unhcr", text));
        }
        for (String text : List.of("weather today", "will it rain", "rain or sun")) {
            examples.add(new TrainingExample(Prediction.OUT_OF_SCOPE, text));
        }
        return examples;
    }

    @Test
    void learnsToMapEmbeddingsToIntents() {
        var classifier = EncoderIntentClassifier.train(examples(), WORD_ENCODER, SETTINGS);

        assertThat(classifier.classify(Question.of("can I refer this to the court")).top().intent())
                .isEqualTo("icc-referral");
        assertThat(classifier.classify(Question.of("the refugee agency unhcr")).top().intent()).isEqualTo("unhcr");
        assertThat(classifier.classify(Question.of("rain tomorrow?")).outOfScope()).isTrue();
        assertThat(classifier.classify(Question.of("icc")).ranking().stream().mapToDouble(ScoredIntent::score).sum())
                .isCloseTo(1.0, offset(1e-9));
    }

    /**
     * A stand-in encoder for the Mahalanobis score: "a 1" .. "a 9" lie close to (1, 0, 0), "b ..." to (0, 1, 0) and
     * "c ..." to (0, 0, 1), each a little off by a seeded amount; "a" alone is exactly (1, 0, 0).
     */
    private static final SentenceEncoder CLUSTER_ENCODER = sentence -> {
        String[] parts = sentence.split(" ");
        var random = new java.util.Random(parts.length > 1 ? Integer.parseInt(parts[1]) * 31L + parts[0].hashCode() : 0);
        double noise = parts.length > 1 ? 0.05 : 0;
        float[] vector = new float[3];
        for (int d = 0; d < 3; d++) {
            vector[d] = (float) (noise * random.nextGaussian());
        }
        switch (parts[0]) {
            case "a" -> vector[0] += 1;
            case "b" -> vector[1] += 1;
            case "c" -> vector[2] += 1;
            default -> {
                // anything else lies between the intents, far from each of them
                vector[0] += 0.5f;
                vector[1] += 0.5f;
                vector[2] -= 0.7f;
            }
        }
        return vector;
    };

    private static List<TrainingExample> clusters(boolean withOutOfScope) {
        var examples = new ArrayList<TrainingExample>();
        for (int i = 1; i <= 9; i++) {
            examples.add(new TrainingExample("alpha", "a " + i));
            examples.add(new TrainingExample("beta", "b " + i));
            if (withOutOfScope) {
                examples.add(new TrainingExample(Prediction.OUT_OF_SCOPE, "c " + i));
            }
        }
        return examples;
    }

    private static final EncoderSettings MAHALANOBIS = NluFixtures.builder().uncalibrated()
            .fallback(new FallbackPolicy(0.1, 0)).oosScore(OutOfScopeScore.MAHALANOBIS, 1e-3).build().encoder();

    @Test
    void theMahalanobisScoreKeepsTheRankingAndDoubtsQuestionsFarFromEveryIntent() {
        var plain = EncoderIntentClassifier.train(clusters(false), CLUSTER_ENCODER, NluFixtures.builder()
                .uncalibrated().fallback(new FallbackPolicy(0.1, 0)).oosScore(OutOfScopeScore.PROBABILITY, 1e-3)
                .build().encoder());
        var doubting = EncoderIntentClassifier.train(clusters(false), CLUSTER_ENCODER, MAHALANOBIS);

        Prediction atMean = doubting.classify(Question.of("a"));
        Prediction far = doubting.classify(Question.of("elsewhere"));

        // the regression still ranks: both classifiers put the intents in the same order
        assertThat(atMean.top().intent()).isEqualTo("alpha");
        assertThat(far.ranking().stream().map(ScoredIntent::intent).toList())
                .isEqualTo(plain.classify(Question.of("elsewhere")).ranking().stream().map(ScoredIntent::intent)
                        .toList());
        // at an intent's mean the question keeps all its mass; far from every intent it keeps almost none
        assertThat(atMean.mass()).isEqualTo(1.0);
        assertThat(far.mass()).isLessThan(0.01);
        assertThat(new FallbackPolicy(0.1, 0).fallsBack(atMean)).isFalse();
        assertThat(new FallbackPolicy(0.1, 0).fallsBack(far)).isTrue();
        // calibration sharpens or flattens the ranking but keeps the doubt
        assertThat(far.tempered(0.5).mass()).isCloseTo(far.mass(), offset(1e-12));
    }

    @Test
    void withALearntOutOfScopeClassTheDoubtJoinsIt() {
        var classifier = EncoderIntentClassifier.train(clusters(true), CLUSTER_ENCODER, MAHALANOBIS);

        Prediction far = classifier.classify(Question.of("elsewhere"));

        assertThat(classifier.classify(Question.of("a")).top().intent()).isEqualTo("alpha");
        assertThat(far.mass()).isEqualTo(1.0);
        assertThat(far.outOfScope()).isTrue();
    }

    @Test
    void theServedTemperatureActsOnTheDoubtedPredictionAsCalibrationFittedIt() {
        var raw = EncoderIntentClassifier.train(clusters(true), CLUSTER_ENCODER, MAHALANOBIS);
        var calibrated = new UncalibratedClassifier.Single(raw)
                .calibrated(new Calibration.Single(0.3, new FallbackPolicy(0, 0)));

        // calibration fits the temperature on the finished predictions (doubt included), so serving must match it
        for (String question : List.of("a 20", "b 21", "elsewhere", "c 22")) {
            Prediction fitted = raw.classify(Question.of(question)).tempered(0.3);
            Prediction served = calibrated.classify(Question.of(question));
            for (ScoredIntent scored : fitted.ranking()) {
                assertThat(served.ranking()).as(question).anySatisfy(s -> {
                    assertThat(s.intent()).isEqualTo(scored.intent());
                    assertThat(s.score()).isCloseTo(scored.score(), offset(1e-12));
                });
            }
        }
    }

    @Test
    void theRealEncoderUnderstandsWordsTheExamplesNeverUsed() {
        // Outbound HTTP is pointed at a closed port: should anything try to download or phone home, it fails.
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", "9");
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", "9");
        try {
            var encoder = SentenceEncoders.shared(SETTINGS);
            float[] vector = encoder.embed("Who can refer cases to the ICC?");
            double length = 0;
            for (float v : vector) {
                length += v * v;
            }
            assertThat(vector).hasSize(384);
            assertThat(length).isCloseTo(1.0, offset(1e-4));

            var classifier = EncoderIntentClassifier.train(examples(), encoder, SETTINGS);
            assertThat(classifier.classify(Question.of("is it going to be sunny this afternoon?")).outOfScope())
                    .isTrue();
            assertThat(classifier.classify(Question.of("which body protects people who fled their country"))
                    .top().intent()).isEqualTo("unhcr");
        } finally {
            for (String property : List.of("http.proxyHost", "http.proxyPort", "https.proxyHost", "https.proxyPort")) {
                System.clearProperty(property);
            }
        }
    }
}

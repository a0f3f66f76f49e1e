package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EncoderIntentClassifierTest {

    private static final EncoderSettings SETTINGS = new EncoderSettings(60, 0.5, 1e-4, 1.0, new FallbackPolicy(0.1, 0), 1);

    /** A stand-in encoder for the regression's own tests: one dimension per known word. */
    private static final List<String> WORDS = List.of("icc", "court", "refer", "refugees", "unhcr", "agency",
            "weather", "rain", "hello");
    private static final SentenceEncoder WORD_ENCODER = sentence -> {
        float[] vector = new float[WORDS.size() + 1];
        vector[WORDS.size()] = 0.1f;
        for (String word : sentence.toLowerCase().split("\\W+")) {
            int index = WORDS.indexOf(word);
            if (index >= 0) {
                vector[index] += 1;
            }
        }
        return vector;
    };

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

        assertThat(classifier.classify("can I refer this to the court").top().intent()).isEqualTo("icc-referral");
        assertThat(classifier.classify("the refugee agency unhcr").top().intent()).isEqualTo("unhcr");
        assertThat(classifier.classify("rain tomorrow?").outOfScope()).isTrue();
        assertThat(classifier.classify("icc").ranking().stream().mapToDouble(ScoredIntent::score).sum())
                .isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void theRealEncoderUnderstandsWordsTheExamplesNeverUsed() {
        // Outbound HTTP is pointed at a closed port: should anything try to download or phone home, it fails.
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", "9");
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", "9");
        try {
            var encoder = SETTINGS.sentenceEncoder();
            float[] vector = encoder.embed("Who can refer cases to the ICC?");
            double length = 0;
            for (float v : vector) {
                length += v * v;
            }
            assertThat(vector).hasSize(384);
            assertThat(length).isCloseTo(1.0, offset(1e-4));

            var classifier = EncoderIntentClassifier.train(examples(), encoder, SETTINGS);
            assertThat(classifier.classify("is it going to be sunny this afternoon?").outOfScope()).isTrue();
            assertThat(classifier.classify("which body protects people who fled their country")
                    .top().intent()).isEqualTo("unhcr");
        } finally {
            for (String property : List.of("http.proxyHost", "http.proxyPort", "https.proxyHost", "https.proxyPort")) {
                System.clearProperty(property);
            }
        }
    }

    @Test
    void aHybridIsTheWeightedMeanOfItsParts() {
        var words = new Prediction(List.of(new ScoredIntent("a", 0.8), new ScoredIntent("b", 0.2)));
        var meaning = new Prediction(List.of(new ScoredIntent("a", 0.2), new ScoredIntent("b", 0.8)));

        Prediction blended = HybridIntentClassifier.blend(words, meaning, 0.25);

        assertThat(blended.top().intent()).isEqualTo("b");
        assertThat(blended.top().score()).isCloseTo(0.25 * 0.2 + 0.75 * 0.8, offset(1e-12));
    }
}

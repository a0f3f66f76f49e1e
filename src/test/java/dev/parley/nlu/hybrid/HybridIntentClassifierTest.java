package dev.parley.nlu.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;

class HybridIntentClassifierTest {

    private static Prediction prediction(double a, double b) {
        return new Prediction(List.of(new ScoredIntent("a", a), new ScoredIntent("b", b)));
    }

    @Test
    void aHybridIsTheWeightedMeanOfItsParts() {
        Prediction blended = new HybridBlend(0.25, 1.0).of(prediction(0.8, 0.2), () -> prediction(0.2, 0.8));

        assertThat(blended.top().intent()).isEqualTo("b");
        assertThat(blended.top().score()).isCloseTo(0.25 * 0.2 + 0.75 * 0.8, offset(1e-12));
    }

    @Test
    void whenItsWordsSideRecognisesNothingItSaysSoInsteadOfLettingTheEncoderGuess() {
        var hybrid = new HybridIntentClassifier(text -> prediction(0.5, 0.5), text -> prediction(0.9, 0.1), 0.2, 1.0);

        assertThat(hybrid.classify("🙂🙂🙂").isUniform()).isTrue();
        assertThat(new FallbackPolicy(0, 0).fallsBack(hybrid.classify("🙂🙂🙂"))).isTrue();
        assertThat(new HybridIntentClassifier(text -> prediction(0.9, 0.1), text -> prediction(0.9, 0.1), 0.2, 1.0)
                .classify("icc").top().intent()).isEqualTo("a");
    }

    @Test
    void calibrationCombinesStoredPredictionsExactlyAsTheHybridServesThem() {
        var hybrid = new HybridIntentClassifier(text -> prediction(0.7, 0.3), text -> prediction(0.4, 0.6), 0.3, 1.0);

        assertThat(new HybridBlend(0.3, 1.0).of(prediction(0.7, 0.3), () -> prediction(0.4, 0.6)))
                .isEqualTo(hybrid.classify("anything"));
        assertThat(new HybridBlend(0.3, 1.0).of(prediction(0.5, 0.5), () -> prediction(0.9, 0.1)).isUniform())
                .isTrue();
    }
}

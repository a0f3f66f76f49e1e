package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class FallbackPolicyTest {

    private final FallbackPolicy policy = new FallbackPolicy(0.5, 0.1);

    @Test
    void answersWhenConfidentAndClearlyAhead() {
        assertThat(policy.fallsBack(prediction("a", 0.7, "b", 0.2))).isFalse();
    }

    @Test
    void fallsBackBelowTheConfidenceThreshold() {
        assertThat(policy.fallsBack(prediction("a", 0.45, "b", 0.1))).isTrue();
    }

    @Test
    void fallsBackWhenTheTopTwoAreTooClose() {
        assertThat(policy.fallsBack(prediction("a", 0.52, "b", 0.46))).isTrue();
    }

    @Test
    void fallsBackWhenTheOutOfScopeClassWinsHoweverSure() {
        assertThat(policy.fallsBack(prediction(Prediction.OUT_OF_SCOPE, 0.95, "a", 0.05))).isTrue();
    }

    @Test
    void bestIntentPassesOverTheOutOfScopeClass() {
        assertThat(prediction(Prediction.OUT_OF_SCOPE, 0.9, "a", 0.1).bestIntent())
                .contains(new ScoredIntent("a", 0.1));
    }

    @Test
    void aPredictionKeepsItsRankingInDescendingOrder() {
        var prediction = new Prediction(List.of(new ScoredIntent("b", 0.2), new ScoredIntent("c", 0.5),
                new ScoredIntent("a", 0.2), new ScoredIntent("d", 0.1)));

        assertThat(prediction.ranking()).extracting(ScoredIntent::intent).containsExactly("c", "a", "b", "d");
        assertThat(prediction.margin()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void thresholdsMustBeProbabilities() {
        assertThatThrownBy(() -> new FallbackPolicy(1.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..1");
    }

    private static Prediction prediction(String first, double firstScore, String second, double secondScore) {
        return new Prediction(List.of(new ScoredIntent(first, firstScore), new ScoredIntent(second, secondScore)));
    }

    @Test
    void fallsBackWhenNothingWasRecognisedWhicheverIdComesFirst() {
        var uniform = new Prediction(List.of(new ScoredIntent("2030-agenda", 0.5), new ScoredIntent("icc-role", 0.5)));

        assertThat(uniform.top().intent()).isEqualTo("2030-agenda");
        assertThat(new FallbackPolicy(0, 0).fallsBack(uniform)).isTrue();
    }
}

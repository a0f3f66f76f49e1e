package dev.parley.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;

class ThresholdSelectorTest {

    @Test
    void picksTheLowestConfidenceThatSeparatesInScopeFromOutOfScope() {
        List<Evaluator.Classified> tuning = List.of(
                classified("a", "a", 0.9), classified("a", "a", 0.55), classified("b", "b", 0.42),
                classified("oos", "a", 0.35), classified("oos", "b", 0.2));

        FallbackPolicy policy = ThresholdSelector.select(tuning);

        assertThat(policy.minConfidence()).isEqualTo(0.36);
        assertThat(policy.minMargin()).isEqualTo(0.0);
        assertThat(Evaluator.outcomes(tuning, policy)).allMatch(Outcome::correct);
    }

    @Test
    void answersEverythingWhenNothingIsOutOfScope() {
        assertThat(ThresholdSelector.select(List.of(classified("a", "a", 0.3), classified("b", "b", 0.2))))
                .isEqualTo(new FallbackPolicy(0.0, 0.0));
    }

    @Test
    void setsNoThresholdWhenNoQuestionIsInScope() {
        assertThat(ThresholdSelector.select(List.of(classified("oos", "a", 0.9), classified("oos", "b", 0.4))))
                .isEqualTo(new FallbackPolicy(0.0, 0.0));
    }

    private static Evaluator.Classified classified(String label, String top, double score) {
        String other = top.equals("a") ? "b" : "a";
        return new Evaluator.Classified(new LabelledQuestion(label, label + " " + score),
                new Prediction(List.of(new ScoredIntent(top, score), new ScoredIntent(other, (1 - score) / 4))));
    }
}

package dev.parley.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    /**
     * The search reads each prediction once into numbers; its count of right answers must be the one the
     * conversation's own rule gives (Outcome.correct through FallbackPolicy.fallsBack) for every candidate,
     * on predictions with ties, uniform ones and the out-of-scope class on top.
     */
    @Test
    void countsWhatTheFallbackRuleAndTheOutcomesWouldCount() {
        var random = new Random(7);
        var tuning = new ArrayList<Evaluator.Classified>();
        String[] labels = {"a", "b", "c", Prediction.OUT_OF_SCOPE};
        for (int i = 0; i < 400; i++) {
            var ranking = new ArrayList<ScoredIntent>();
            double left = 1;
            for (int k = 0; k < labels.length; k++) {
                // scores on a grid of 0.05 make exact ties with thresholds and between intents common
                double score = k == labels.length - 1 ? left : Math.min(left, Math.round(random.nextDouble() * 8) / 20.0);
                ranking.add(new ScoredIntent(labels[k], score));
                left -= score;
            }
            if (i % 50 == 0) {
                ranking.replaceAll(scored -> new ScoredIntent(scored.intent(), 0.25));
            }
            String label = random.nextInt(4) == 0 ? LabelledQuestion.OUT_OF_SCOPE : labels[random.nextInt(3)];
            tuning.add(new Evaluator.Classified(new LabelledQuestion(label, "q" + i), new Prediction(ranking)));
        }

        ThresholdSelector.Choice choice = ThresholdSelector.choose(tuning);

        long counted = Evaluator.outcomes(tuning, choice.policy()).stream().filter(Outcome::correct).count();
        assertThat(choice.correct()).isEqualTo(counted);
        for (double confidence = 0; confidence <= 1; confidence += 0.01) {
            for (double margin : new double[] {0.0, 0.05, 0.1, 0.2}) {
                var policy = new FallbackPolicy(Math.min(1, confidence), margin);
                assertThat(Evaluator.outcomes(tuning, policy).stream().filter(Outcome::correct).count())
                        .as("%s", policy).isLessThanOrEqualTo(choice.correct());
            }
        }
        assertThat(choice.policy()).isNotEqualTo(new FallbackPolicy(0, 0));
    }

    private static Evaluator.Classified classified(String label, String top, double score) {
        String other = top.equals("a") ? "b" : "a";
        return new Evaluator.Classified(new LabelledQuestion(label, label + " " + score),
                new Prediction(List.of(new ScoredIntent(top, score), new ScoredIntent(other, (1 - score) / 4))));
    }
}

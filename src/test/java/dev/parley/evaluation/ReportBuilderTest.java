package dev.parley.evaluation;

import dev.parley.nlu.training.LabelledQuestion;
import dev.parley.nlu.training.Outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;

class ReportBuilderTest {

    @Test
    void computesEveryRateFromTheOutcomes() {
        List<Outcome> outcomes = List.of(
                outcome("q1", "a", "a", false), outcome("q2", "a", "a", false), outcome("q3", "a", "b", false),
                outcome("q4", "b", "b", false), outcome("q5", "b", "b", true),
                outcome("q6", "oos", "a", true), outcome("q7", "oos", "a", true), outcome("q8", "oos", "b", false));

        EvaluationReport report = ReportBuilder.build(outcomes);

        assertThat(report.count()).isEqualTo(8);
        assertThat(report.inScopeCount()).isEqualTo(5);
        assertThat(report.outOfScopeCount()).isEqualTo(3);
        assertThat(report.inScopeAccuracy()).isEqualTo(3.0 / 5);
        assertThat(report.oosRecall()).isEqualTo(2.0 / 3);
        assertThat(report.oosPrecision()).isEqualTo(2.0 / 3);
        assertThat(report.falseFallbackRate()).isEqualTo(1.0 / 5);
        // per label F1: a = 2*(2/2*2/3)/(2/2+2/3) = 0.8; b = P 1/3, R 1/2 -> 0.4; oos = P 2/3, R 2/3 -> 2/3
        assertThat(report.macroF1()).isCloseTo((0.8 + 0.4 + 2.0 / 3) / 3, offset(1e-12));
        assertThat(report.worstConfusions()).containsExactly(
                new EvaluationReport.Confusion("a", "b", 1, "q3"),
                new EvaluationReport.Confusion("b", "oos", 1, "q5"),
                new EvaluationReport.Confusion("oos", "b", 1, "q8"));
    }

    @Test
    void aBotThatNeverFallsBackHasPerfectFallbackPrecisionAndNoRecall() {
        EvaluationReport report = ReportBuilder.build(List.of(outcome("q", "oos", "a", false)));

        assertThat(report.oosPrecision()).isEqualTo(1.0);
        assertThat(report.oosRecall()).isEqualTo(0.0);
        assertThat(report.inScopeAccuracy()).isEqualTo(0.0);
    }

    private static Outcome outcome(String text, String label, String top, boolean fallback) {
        var prediction = new Prediction(List.of(new ScoredIntent(top, 0.6),
                new ScoredIntent(top.equals("a") ? "b" : "a", 0.4)));
        return new Outcome(new LabelledQuestion(label, text), prediction, fallback);
    }
}

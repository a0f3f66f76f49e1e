package dev.parley.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;

class CalibrationTest {

    @Test
    void anUnderconfidentClassifierIsSharpenedUntilConfidenceMatchesAccuracy() {
        // Right 9 times in 10 while only 40% sure: the classic under-confident maxent over many classes.
        var labelled = new ArrayList<Evaluator.Classified>();
        for (int i = 0; i < 100; i++) {
            String truth = i % 10 == 0 ? "b" : "a";
            labelled.add(classified(truth, 0.4, 0.3, 0.3));
        }

        double temperature = TemperatureScaling.fitTemperature(labelled);
        List<Evaluator.Classified> calibrated = labelled.stream()
                .map(c -> new Evaluator.Classified(c.question(), c.prediction().tempered(temperature))).toList();

        assertThat(temperature).isLessThan(1.0);
        assertThat(calibrated.get(1).prediction().top().score()).isCloseTo(0.9, offset(0.01));
        assertThat(TemperatureScaling.expectedCalibrationError(labelled)).isCloseTo(0.5, offset(1e-9));
        assertThat(TemperatureScaling.expectedCalibrationError(calibrated)).isLessThan(0.01);
    }

    @Test
    void temperingKeepsTheOrderAndTheTotal() {
        Prediction prediction = classified("a", 0.5, 0.3, 0.2).prediction();

        Prediction sharper = prediction.tempered(0.5);

        assertThat(sharper.ranking()).extracting(ScoredIntent::intent).containsExactly("a", "b", "c");
        assertThat(sharper.ranking().stream().mapToDouble(ScoredIntent::score).sum()).isCloseTo(1.0, offset(1e-12));
        assertThat(sharper.top().score()).isCloseTo(0.25 / 0.38, offset(1e-12));
        assertThat(prediction.tempered(1.0)).isSameAs(prediction);
    }

    /** The temperature search reads scores without building predictions: they must be the tempered ones, exactly. */
    @Test
    void temperedScoresAreTheTemperedPredictionsScoresToTheLastDigit() {
        // a prediction with missing mass (the Mahalanobis score's doubt) and a tie
        var prediction = new Prediction(List.of(new ScoredIntent("a", 0.41), new ScoredIntent("b", 0.23),
                new ScoredIntent("c", 0.23), new ScoredIntent("d", 0.011)));
        double[] scores = prediction.ranking().stream().mapToDouble(ScoredIntent::score).toArray();
        for (double temperature : new double[] {0.02, 0.37, 0.7431543254469947, 1.0, 2.5, 5.0}) {
            double[] read = Prediction.temperedScores(scores, prediction.mass(), temperature);
            Prediction tempered = prediction.tempered(temperature);
            for (int i = 0; i < read.length; i++) {
                String intent = prediction.ranking().get(i).intent();
                assertThat(read[i]).as("%s at %s", intent, temperature).isEqualTo(tempered.ranking().stream()
                        .filter(scored -> scored.intent().equals(intent)).findFirst().orElseThrow().score());
            }
        }
    }

    private static Evaluator.Classified classified(String truth, double a, double b, double c) {
        return new Evaluator.Classified(new LabelledQuestion(truth, "q"), new Prediction(List.of(
                new ScoredIntent("a", a), new ScoredIntent("b", b), new ScoredIntent("c", c))));
    }
}

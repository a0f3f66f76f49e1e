package dev.parley.nlu.training;

import java.util.List;

import dev.parley.nlu.Calibration;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;

/**
 * Makes confidence mean what it says: fits the temperature that maximises the likelihood of the true labels
 * (Guo et al. 2017, temperature scaling), and measures the expected calibration error, the average gap between
 * how sure the classifier is and how often it is right.
 */
public final class TemperatureScaling {

    private static final int BINS = 10;
    private static final double LOWEST = Math.log(0.02);
    private static final double HIGHEST = Math.log(5.0);
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private TemperatureScaling() {
    }

    /**
     * Calibrates a classifier on its predictions of labelled questions, then picks the fallback thresholds on the
     * calibrated scale (the oos-threshold protocol), the same way for every command and every classifier.
     *
     * @param said the classifier's own predictions of the calibration questions: validation questions, and
     *             out-of-fold predictions of the training examples when cross-validating
     */
    public static Calibration.Single fit(List<Evaluator.Classified> said) {
        double temperature = fitTemperature(said);
        return new Calibration.Single(temperature, ThresholdSelector.select(tempered(said, temperature)));
    }

    /** The same predictions, calibrated by a temperature. */
    public static List<Evaluator.Classified> tempered(List<Evaluator.Classified> said, double temperature) {
        return said.stream()
                .map(c -> new Evaluator.Classified(c.question(), c.prediction().tempered(temperature))).toList();
    }

    /** The temperature, relative to the predictions' own, that best explains the labels; by golden-section search. */
    public static double fitTemperature(List<Evaluator.Classified> labelled) {
        List<Truth> truths = labelled.stream().map(Truth::of).toList();
        double low = LOWEST;
        double high = HIGHEST;
        for (int step = 0; step < 60; step++) {
            double left = high - GOLDEN * (high - low);
            double right = low + GOLDEN * (high - low);
            if (negativeLogLikelihood(truths, Math.exp(left)) < negativeLogLikelihood(truths, Math.exp(right))) {
                high = right;
            } else {
                low = left;
            }
        }
        return Math.exp((low + high) / 2);
    }

    /**
     * A prediction read once for the search: its scores in ranking order, their mass, and where the true class is
     * among them (-1 when the classifier does not know it).
     */
    private record Truth(double[] scores, double mass, int at) {

        static Truth of(Evaluator.Classified classified) {
            String truth = classOf(classified.question());
            List<ScoredIntent> ranking = classified.prediction().ranking();
            int at = ranking.stream().map(ScoredIntent::intent).toList().indexOf(truth);
            return new Truth(ranking.stream().mapToDouble(ScoredIntent::score).toArray(),
                    classified.prediction().mass(), at);
        }

        /** The true class's probability at this temperature, as the tempered prediction would give it. */
        double probability(double temperature) {
            return at < 0 ? 1e-12 : Prediction.temperedScores(scores, mass, temperature)[at];
        }
    }

    /** Expected calibration error of the top label over ten equal-width confidence bins, in 0..1. */
    public static double expectedCalibrationError(List<Evaluator.Classified> labelled) {
        double[] confidence = new double[BINS];
        double[] correct = new double[BINS];
        int[] count = new int[BINS];
        for (Evaluator.Classified c : labelled) {
            ScoredIntent top = c.prediction().top();
            int bin = Math.min(BINS - 1, (int) (top.score() * BINS));
            confidence[bin] += top.score();
            correct[bin] += top.intent().equals(classOf(c.question())) ? 1 : 0;
            count[bin]++;
        }
        double error = 0;
        for (int bin = 0; bin < BINS; bin++) {
            if (count[bin] > 0) {
                error += Math.abs(correct[bin] - confidence[bin]) / labelled.size();
            }
        }
        return error;
    }

    private static double negativeLogLikelihood(List<Truth> truths, double temperature) {
        double total = 0;
        for (Truth truth : truths) {
            total -= Math.log(Math.max(truth.probability(temperature), 1e-12));
        }
        return total;
    }

    /** The classifier's class for a labelled question: {@code oos} is its out-of-scope class. */
    private static String classOf(LabelledQuestion question) {
        return question.outOfScope() ? Prediction.OUT_OF_SCOPE : question.label();
    }
}

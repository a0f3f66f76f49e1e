package dev.parley.nlu.training;

import java.util.List;

import dev.parley.nlu.FallbackPolicy;

/**
 * Picks the fallback policy by measurement: the confidence and margin thresholds that maximise accuracy over a tuning
 * set in which out-of-scope counts as a class of its own (the oos-threshold protocol of Larson et al. 2019). Ties go
 * to the lower thresholds, which answer more.
 */
public final class ThresholdSelector {

    private static final int STEPS = 100;
    private static final double[] MARGINS = {0.0, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2};

    private ThresholdSelector() {
    }

    public static FallbackPolicy select(List<Evaluator.Classified> tuning) {
        FallbackPolicy best = new FallbackPolicy(0, 0);
        // Without one in-scope question (a knowledge base whose every intent has a single phrasing, which a fold
        // always holds out) nothing weighs what a threshold costs, and accuracy alone would refuse everything: the
        // out-of-scope class decides alone.
        if (tuning.stream().allMatch(classified -> classified.question().outOfScope())) {
            return best;
        }
        long bestCorrect = -1;
        for (double margin : MARGINS) {
            for (int step = 0; step <= STEPS; step++) {
                var candidate = new FallbackPolicy((double) step / STEPS, margin);
                long correct = Evaluator.outcomes(tuning, candidate).stream().filter(Outcome::correct).count();
                if (correct > bestCorrect) {
                    best = candidate;
                    bestCorrect = correct;
                }
            }
        }
        return best;
    }
}

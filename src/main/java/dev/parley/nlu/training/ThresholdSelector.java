package dev.parley.nlu.training;

import java.util.List;

import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.Prediction;

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

    /** The policy chosen and how many tuning questions it handles right. */
    public record Choice(FallbackPolicy policy, long correct) {
    }

    public static FallbackPolicy select(List<Evaluator.Classified> tuning) {
        return choose(tuning).policy();
    }

    /**
     * The best policy with its count of right answers. Each question is read once into what the decision needs (the
     * 909 candidates are tried on those numbers: at start-up the hybrid's weight search alone tries them on 11
     * blends of thousands of calibration questions).
     */
    public static Choice choose(List<Evaluator.Classified> tuning) {
        int size = tuning.size();
        var nothingToAnswer = new boolean[size];
        var confidence = new double[size];
        var margin = new double[size];
        var rightIfAnswered = new boolean[size];
        var rightIfRefused = new boolean[size];
        boolean anyInScope = false;
        for (int i = 0; i < size; i++) {
            Evaluator.Classified classified = tuning.get(i);
            Prediction prediction = classified.prediction();
            nothingToAnswer[i] = prediction.outOfScope() || prediction.isUniform();
            confidence[i] = prediction.top().score();
            margin[i] = prediction.margin();
            // what Outcome.correct says of the two decisions
            rightIfAnswered[i] = prediction.top().intent().equals(classified.question().label());
            rightIfRefused[i] = classified.question().outOfScope();
            anyInScope |= !classified.question().outOfScope();
        }
        FallbackPolicy best = new FallbackPolicy(0, 0);
        // Without one in-scope question (a knowledge base whose every intent has a single phrasing, which a fold
        // always holds out) nothing weighs what a threshold costs, and accuracy alone would refuse everything: the
        // out-of-scope class decides alone.
        if (!anyInScope) {
            return new Choice(best, correct(best, nothingToAnswer, confidence, margin, rightIfAnswered,
                    rightIfRefused));
        }
        long bestCorrect = -1;
        for (double minMargin : MARGINS) {
            for (int step = 0; step <= STEPS; step++) {
                var candidate = new FallbackPolicy((double) step / STEPS, minMargin);
                long correct = correct(candidate, nothingToAnswer, confidence, margin, rightIfAnswered,
                        rightIfRefused);
                if (correct > bestCorrect) {
                    best = candidate;
                    bestCorrect = correct;
                }
            }
        }
        return new Choice(best, bestCorrect);
    }

    private static long correct(FallbackPolicy policy, boolean[] nothingToAnswer, double[] confidence,
                                double[] margin, boolean[] rightIfAnswered, boolean[] rightIfRefused) {
        long correct = 0;
        for (int i = 0; i < confidence.length; i++) {
            boolean refused = policy.fallsBack(nothingToAnswer[i], confidence[i], margin[i]);
            if (refused ? rightIfRefused[i] : rightIfAnswered[i]) {
                correct++;
            }
        }
        return correct;
    }
}

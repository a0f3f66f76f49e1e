package dev.parley.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the classifier thinks a question is about: every intent it knows, most likely first. The scores sum to 1, or
 * to less when the classifier doubts that the question is about any of them (the encoder's Mahalanobis score): the
 * missing mass is that doubt, and calibration keeps it.
 *
 * @param ranking every intent with its score, kept in descending order of score (ties by id); never empty
 */
public record Prediction(List<ScoredIntent> ranking) {

    /**
     * The label of the classifier's own out-of-scope class, learnt from generic questions the bot must not answer.
     * It cannot clash with an intent id, which never starts with an underscore.
     */
    public static final String OUT_OF_SCOPE = "_out-of-scope";

    public Prediction {
        if (ranking.isEmpty()) {
            throw new IllegalArgumentException("a prediction ranks at least one intent");
        }
        ranking = ranking.stream()
                .sorted(Comparator.comparingDouble(ScoredIntent::score).reversed()
                        .thenComparing(ScoredIntent::intent))
                .toList();
    }

    public ScoredIntent top() {
        return ranking.get(0);
    }

    /** Whether the best guess is that the question is about nothing the bot knows. */
    public boolean outOfScope() {
        return OUT_OF_SCOPE.equals(top().intent());
    }

    /** The most likely real intent, passing over the out-of-scope class; empty if that is all there is. */
    public Optional<ScoredIntent> bestIntent() {
        return ranking.stream().filter(scored -> !OUT_OF_SCOPE.equals(scored.intent())).findFirst();
    }

    /**
     * The same ranking with every score raised to the power 1/temperature and renormalised to the mass it had
     * (temperature scaling). Below 1 sharpens, above 1 flattens; the order never changes, so only the confidence
     * moves.
     */
    public Prediction tempered(double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (temperature == 1.0) {
            return this;
        }
        double[] scores = temperedScores(ranking.stream().mapToDouble(ScoredIntent::score).toArray(), mass(),
                temperature);
        var scaled = new ArrayList<ScoredIntent>(ranking.size());
        for (int i = 0; i < scores.length; i++) {
            scaled.add(new ScoredIntent(ranking.get(i).intent(), scores[i]));
        }
        return new Prediction(scaled);
    }


    /**
     * The scores {@link #tempered} gives a prediction, from its scores in ranking order and its {@link #mass()}:
     * a temperature search reads thousands of predictions once and tries a hundred temperatures on them.
     */
    public static double[] temperedScores(double[] scores, double mass, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (temperature == 1.0) {
            return scores.clone();
        }
        double[] powered = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            powered[i] = Math.pow(scores[i], 1 / temperature);
        }
        double sum = Arrays.stream(powered).sum();
        for (int i = 0; i < powered.length; i++) {
            powered[i] = mass * (sum > 0 ? powered[i] / sum : 1.0 / powered.length);
        }
        return powered;
    }

    /**
     * The same ranking with only {@code share} of its mass kept for the intents: the rest goes to {@code doubt}'s
     * score if it is ranked (the learnt out-of-scope class), and is otherwise left missing.
     */
    public Prediction scaled(double share, String doubt) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must lie in 0..1, got " + share);
        }
        double missing = (1 - share) * mass();
        return new Prediction(ranking.stream()
                .map(s -> new ScoredIntent(s.intent(), s.score() * share + (s.intent().equals(doubt) ? missing : 0)))
                .toList());
    }

    /** The sum of the scores: 1 unless the classifier doubts the question is in scope (treated as 1 within 1e-9). */
    public double mass() {
        double sum = ranking.stream().mapToDouble(ScoredIntent::score).sum();
        return Math.abs(sum - 1) < 1e-9 ? 1.0 : sum;
    }

    /**
     * The same prediction with some intents made {@code factor} times likelier a priori, renormalised to the mass
     * it had: what the conversation so far says about what comes next (Bayes' rule with a prior that favours those
     * intents).
     */
    public Prediction favouring(java.util.Set<String> intents, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive, got " + factor);
        }
        double sum = ranking.stream().mapToDouble(s -> intents.contains(s.intent()) ? s.score() * factor : s.score())
                .sum() / mass();
        return new Prediction(ranking.stream()
                .map(s -> new ScoredIntent(s.intent(),
                        (intents.contains(s.intent()) ? s.score() * factor : s.score()) / sum))
                .toList());
    }

    /** Whether every intent scored the same: the classifier recognised nothing in the question. */
    public boolean isUniform() {
        return ranking.get(0).score() - ranking.get(ranking.size() - 1).score() < 1e-9;
    }

    /** How far the best intent is ahead of the runner-up; 1 when there is only one intent. */
    public double margin() {
        return ranking.size() < 2 ? 1.0 : ranking.get(0).score() - ranking.get(1).score();
    }
}

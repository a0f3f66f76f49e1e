package dev.parley.nlu;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Decides whether a prediction is sure enough to answer. Both numbers come from measurement: the evaluate command's
 * {@code --tune} option picks them on data kept apart from the test set (docs/quality.md).
 *
 * @param minConfidence the top intent's probability must reach this
 * @param minMargin     and lead the runner-up by at least this much
 */
public record FallbackPolicy(@DefaultValue("0.05") double minConfidence, @DefaultValue("0.0") double minMargin) {
    public FallbackPolicy {
        if (minConfidence < 0 || minConfidence > 1 || minMargin < 0 || minMargin > 1) {
            throw new IllegalArgumentException("confidence and margin thresholds must lie in 0..1, got "
                    + minConfidence + " and " + minMargin);
        }
    }

    /**
     * True when the bot should say it does not know rather than risk a wrong answer: the best guess is out of
     * scope, too unsure or too close to the runner-up, or the classifier recognised nothing at all (a uniform
     * prediction, whose "top" intent is merely the first id in order).
     */
    public boolean fallsBack(Prediction prediction) {
        return fallsBack(prediction.outOfScope() || prediction.isUniform(), prediction.top().score(),
                prediction.margin());
    }

    /**
     * The same decision from the three things it reads, for a threshold search that tries many policies on the
     * same predictions without walking their rankings each time.
     *
     * @param nothingToAnswer the best guess is out of scope, or the prediction is uniform
     * @param confidence      the top intent's probability
     * @param margin          its lead over the runner-up ({@link Prediction#margin()})
     */
    public boolean fallsBack(boolean nothingToAnswer, double confidence, double margin) {
        return nothingToAnswer || confidence < minConfidence || margin < minMargin;
    }
}

package dev.parley.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What is kept of conversations ({@code parley.history.*}, documented in application.yml and the README).
 *
 * @param storeQuestionText      false keeps no text a user typed: no question text and no feedback comment (only
 *                               intent, confidence, time, channel, session, thumbs), for sites with strict privacy
 *                               rules; unanswered-question review then has nothing to group
 * @param retentionDays          exchanges (and their feedback) older than this many days are deleted; 0 keeps them
 *                               forever
 * @param retentionCheckInterval how often expired exchanges are looked for, after the check at start-up
 */
@ConfigurationProperties("parley.history")
public record HistoryProperties(@DefaultValue("true") boolean storeQuestionText,
                                @DefaultValue("90") int retentionDays,
                                @DefaultValue("1h") Duration retentionCheckInterval) {
    public HistoryProperties {
        if (retentionDays < 0) {
            throw new IllegalArgumentException("parley.history.retention-days must be 0 (keep forever) or more, "
                    + "was " + retentionDays);
        }
        if (retentionCheckInterval.isNegative() || retentionCheckInterval.isZero()) {
            throw new IllegalArgumentException("parley.history.retention-check-interval must be positive, was "
                    + retentionCheckInterval);
        }
    }

    /** Whether exchanges are ever deleted. */
    boolean expires() {
        return retentionDays > 0;
    }
}

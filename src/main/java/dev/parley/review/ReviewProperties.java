package dev.parley.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review loop's settings ({@code parley.review.*}, documented in application.yml and the README).
 *
 * @param lowConfidence   an answer whose calibrated confidence is below this counts as unanswered too, beside
 *                        fallbacks and clarifications
 * @param groupSimilarity how alike (0..1, see {@link QuestionGrouping}) a question must be to a group's questions on
 *                        average to join it
 * @param maxQuestions    the most recent unanswered questions read for grouping, at most; bounds the work per request
 */
@ConfigurationProperties("parley.review")
record ReviewProperties(@DefaultValue("0.5") double lowConfidence,
                        @DefaultValue("" + DEFAULT_GROUP_SIMILARITY) double groupSimilarity,
                        @DefaultValue("5000") int maxQuestions) {

    static final double DEFAULT_GROUP_SIMILARITY = 0.4;

    ReviewProperties {
        if (!(lowConfidence >= 0 && lowConfidence <= 1)) {
            throw new IllegalArgumentException("parley.review.low-confidence must be in 0..1, was " + lowConfidence);
        }
        if (!(groupSimilarity > 0 && groupSimilarity <= 1)) {
            throw new IllegalArgumentException("parley.review.group-similarity must be in (0, 1], was "
                    + groupSimilarity);
        }
        if (maxQuestions < 1) {
            throw new IllegalArgumentException("parley.review.max-questions must be at least 1, was " + maxQuestions);
        }
    }
}

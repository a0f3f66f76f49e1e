package dev.parley.review;

import java.time.Instant;

/**
 * One question the bot did not answer with confidence, as read from the exchange history.
 *
 * @param question           as typed
 * @param normalizedQuestion as the classifier saw it
 * @param askedAt            when
 * @param fallback           the bot said it did not know
 * @param clarification      the bot asked "Did you mean…?"
 * @param confidence         the classifier's calibrated probability for its best intent
 */
record UnansweredQuestion(String question, String normalizedQuestion, Instant askedAt, boolean fallback,
                          boolean clarification, double confidence) {
}

package dev.parley.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * One question and the bot's reply to it, as kept for the review loop and for conversation context.
 *
 * @param answerId           the reply's id, which feedback refers to
 * @param askedAt            when the question arrived
 * @param sessionId          the conversation it belongs to
 * @param channel            where it came from
 * @param question           the question as typed
 * @param normalizedQuestion the question as the classifier saw it
 * @param intent             the intent answered; {@code null} on a fallback or a clarification
 * @param confidence         the classifier's calibrated probability for its best intent
 * @param fallback           whether the bot said it did not know
 * @param clarification      whether the bot asked "Did you mean…?"
 * @param knowledgeVersion   the knowledge version in service that replied ({@link ServedVersion#version()}); null on
 *                           exchanges kept before versions were recorded
 * @param classifier         the classifier that replied ({@code maxent}, {@code encoder} or {@code hybrid}); null as
 *                           the version
 */
public record Exchange(String answerId, Instant askedAt, String sessionId, Channel channel, String question,
                       String normalizedQuestion, String intent, double confidence, boolean fallback,
                       boolean clarification, String knowledgeVersion, String classifier) {
    public Exchange {
        Objects.requireNonNull(answerId, "answerId must not be null");
        Objects.requireNonNull(askedAt, "askedAt must not be null");
        Objects.requireNonNull(sessionId, "sessionId must not be null");
        Objects.requireNonNull(channel, "channel must not be null");
    }
}

package dev.parley.conversation;

import java.util.Objects;
import java.util.Optional;

import dev.parley.text.UserText;

/**
 * A question as a channel received it, already checked for size and blankness at the channel's edge.
 *
 * @param text      the question as typed
 * @param sessionId the conversation it belongs to; empty to start a new one
 * @param channel   where it came from
 * @param chosenIntent the intent of a suggestion the user picked (a follow-up or a "Did you mean…?" candidate):
 *                     answered without classifying; an id the knowledge base no longer has is ignored and the text
 *                     classified instead
 */
public record UserMessage(String text, Optional<String> sessionId, Channel channel, Optional<String> chosenIntent) {

    /** The longest question any channel accepts, in characters (Unicode code points, so an emoji counts once). */
    public static final int MAX_LENGTH = UserText.MAX_LENGTH;

    /**
     * What is wrong with a question's text, if anything: every channel checks it the same way, by the rule for all
     * text people send ({@link UserText}).
     *
     * @return empty when the text may be asked
     */
    public static Optional<UserText.Problem> problemWith(String text) {
        return UserText.problemWith(text, MAX_LENGTH);
    }

    /** A typed question (no suggestion picked). */
    public UserMessage(String text, Optional<String> sessionId, Channel channel) {
        this(text, sessionId, channel, Optional.empty());
    }

    public UserMessage {
        Objects.requireNonNull(chosenIntent, "chosenIntent must not be null (use Optional.empty())");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(sessionId, "sessionId must not be null (use Optional.empty())");
        Objects.requireNonNull(channel, "channel must not be null");
    }
}

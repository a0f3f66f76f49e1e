package dev.parley.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * A question as a channel received it, already checked for size and blankness at the channel's edge.
 *
 * @param text      the question as typed
 * @param sessionId the conversation it belongs to; empty to start a new one
 * @param channel   where it came from
 */
public record UserMessage(String text, Optional<String> sessionId, Channel channel) {

    /** The longest question any channel accepts, in characters. */
    public static final int MAX_LENGTH = 1000;
    public UserMessage {
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(sessionId, "sessionId must not be null (use Optional.empty())");
        Objects.requireNonNull(channel, "channel must not be null");
    }
}

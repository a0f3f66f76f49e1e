package dev.parley.conversation;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
    public static final int MAX_LENGTH = 1000;

    // Spaces of every kind and invisible format characters (zero-width space, direction marks) are not text.
    private static final Pattern NOT_TEXT = Pattern.compile("[\\p{Z}\\p{Cc}\\p{Cf}\\s]");

    /** Why a text cannot be asked. */
    public enum Problem {
        BLANK("must not be blank"),
        MALFORMED("must be well-formed Unicode text (it holds half of a surrogate pair)"),
        TOO_LONG("must be at most " + MAX_LENGTH + " characters long");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        /** The problem in words for the user, e.g. "must not be blank". */
        public String description() {
            return description;
        }
    }

    /**
     * What is wrong with a question's text, if anything: every channel checks it the same way.
     *
     * @return empty when the text may be asked
     */
    public static Optional<Problem> problemWith(String text) {
        if (text == null || NOT_TEXT.matcher(text).replaceAll("").isEmpty()) {
            return Optional.of(Problem.BLANK);
        }
        if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            return Optional.of(Problem.MALFORMED);
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.empty();
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

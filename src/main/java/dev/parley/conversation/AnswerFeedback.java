package dev.parley.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's verdict on one answer: the thumbs up or down of the widget, or the feedback endpoint of the API.
 *
 * @param answerId the answer judged ({@link BotReply#answerId()})
 * @param helpful  whether it helped
 * @param comment  what the user added, if anything
 * @param givenAt  when
 */
public record AnswerFeedback(String answerId, boolean helpful, Optional<String> comment, Instant givenAt) {

    /** The longest comment kept, in characters. */
    public static final int MAX_COMMENT_LENGTH = 1000;

    public AnswerFeedback {
        Objects.requireNonNull(answerId, "answerId must not be null");
        Objects.requireNonNull(comment, "comment must not be null (use Optional.empty())");
        Objects.requireNonNull(givenAt, "givenAt must not be null");
    }
}

package dev.parley.conversation;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.parley.text.UserText;

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
    public static final int MAX_COMMENT_LENGTH = UserText.MAX_LENGTH;

    // Canonical UUIDs only: UUID.fromString alone would also take "1-1-1-1-1".
    private static final Pattern ANSWER_ID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /**
     * An answer id as a channel received it, in the form the bot hands out (lower case), whatever the case it came
     * in; empty when it is no answer id at all. Every channel reads ids this way.
     */
    public static Optional<String> answerId(String received) {
        return Optional.ofNullable(received).filter(id -> ANSWER_ID.matcher(id).matches())
                .map(id -> id.toLowerCase(Locale.ROOT));
    }

    /**
     * What is wrong with a comment as a channel received it, if anything, by the rule for all text people send
     * ({@link UserText}); a missing or blank comment is none at all, which is fine.
     */
    public static Optional<UserText.Problem> commentProblem(String comment) {
        return UserText.problemWithOptional(comment, MAX_COMMENT_LENGTH);
    }

    /** The comment to keep: none when it is missing or blank. */
    public static Optional<String> comment(String received) {
        return Optional.ofNullable(received).filter(text -> !UserText.isBlank(text));
    }

    public AnswerFeedback {
        Objects.requireNonNull(answerId, "answerId must not be null");
        Objects.requireNonNull(comment, "comment must not be null (use Optional.empty())");
        Objects.requireNonNull(givenAt, "givenAt must not be null");
    }
}

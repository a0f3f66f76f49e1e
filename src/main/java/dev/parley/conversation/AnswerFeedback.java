package dev.parley.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
     * What is wrong with a verdict as a channel received it, if anything: every channel checks feedback this way, as
     * it checks questions with {@link UserMessage#problemWith}. The verdict must be given; the comment may be left
     * out or blank, and otherwise follows the rule for all text people send ({@link UserText}). The answer id is
     * read apart, by {@link #answerId}, since channels carry it differently.
     *
     * @param helpful the verdict; null when the channel received none, or none that is a boolean
     * @param comment the comment as received, null when there was none
     * @return the problems, in the order of the fields: {@code helpful}, then {@code comment}; empty when the
     *         feedback may be kept
     */
    public static List<Problem> problemsWith(Boolean helpful, String comment) {
        var problems = new ArrayList<Problem>(2);
        if (helpful == null) {
            problems.add(new Problem("helpful", "must be true or false"));
        }
        UserText.problemWithOptional(comment, MAX_COMMENT_LENGTH)
                .ifPresent(problem -> problems.add(new Problem("comment", problem.description())));
        return List.copyOf(problems);
    }

    /**
     * Why feedback cannot be kept.
     *
     * @param field       the field at fault, as both channels name it: {@code helpful} or {@code comment}
     * @param description the problem in words for the user, to follow the field's name: "must be true or false"
     */
    public record Problem(String field, String description) {
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

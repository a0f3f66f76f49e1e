package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.parley.conversation.AnswerFeedback.Problem;
import dev.parley.text.UserText;

/** The one feedback rule that the REST API and the chat both apply. */
class AnswerFeedbackTest {

    @Test
    void aVerdictWithOrWithoutACommentMayBeKept() {
        assertThat(AnswerFeedback.problemsWith(true, null)).isEmpty();
        assertThat(AnswerFeedback.problemsWith(false, "  ")).as("a blank comment is none").isEmpty();
        assertThat(AnswerFeedback.problemsWith(false, "🙂".repeat(AnswerFeedback.MAX_COMMENT_LENGTH))).isEmpty();
    }

    @Test
    void theVerdictMustBeGiven() {
        assertThat(AnswerFeedback.problemsWith(null, "nice"))
                .containsExactly(new Problem("helpful", "must be true or false"));
    }

    @Test
    void aCommentFollowsTheRuleForAllTextPeopleSend() {
        String tooLong = "a".repeat(AnswerFeedback.MAX_COMMENT_LENGTH + 1);

        assertThat(AnswerFeedback.problemsWith(true, tooLong)).containsExactly(new Problem("comment",
                UserText.problemWith(tooLong, UserText.MAX_LENGTH).orElseThrow().description()));
        assertThat(AnswerFeedback.problemsWith(true, "bad \uFFFE"))
                .containsExactly(new Problem("comment", "must not hold U+FFFE, a Unicode noncharacter"));
    }

    @Test
    void namesEveryProblemInTheOrderOfTheFields() {
        assertThat(AnswerFeedback.problemsWith(null, "bad \u0000")).extracting(Problem::field)
                .containsExactly("helpful", "comment");
    }
}

package dev.parley.api;

import dev.parley.conversation.AnswerFeedback;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A user's verdict on one answer, checked by the conversation's own rule ({@link AcceptableFeedback}). Unknown JSON
 * fields are ignored.
 *
 * @param helpful whether the answer helped; a JSON boolean, nothing else
 * @param comment what the user adds, if anything
 */
@AcceptableFeedback
record FeedbackRequest(
        @Schema(description = "Whether the answer helped.", example = "false",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Boolean helpful,
        @Schema(description = "What the user adds, if anything.", example = "It did not say where to apply.",
                maxLength = AnswerFeedback.MAX_COMMENT_LENGTH)
        String comment) {
}

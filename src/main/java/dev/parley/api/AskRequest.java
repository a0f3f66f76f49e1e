package dev.parley.api;

import dev.parley.conversation.ConversationService;
import dev.parley.conversation.UserMessage;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/**
 * A question for the bot. Unknown JSON fields are ignored, so clients may send more than this.
 *
 * @param question  what the user typed
 * @param sessionId the conversation to continue, as returned by an earlier reply
 */
record AskRequest(
        @Schema(description = "What the user typed.", example = "Who can refer cases to the ICC?",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = AskRequest.MAX_QUESTION_LENGTH)
        @QuestionText
        String question,
        @Schema(description = "The conversation to continue, as returned in an earlier reply; omit to start one.",
                example = "3f1c9a0e-5b7d-4e2a-9c61-0d8e4b7f2a13")
        @Pattern(regexp = ConversationService.SESSION_ID_FORMAT, message = "must be 8 to 64 letters, digits, '-' or '_'")
        String sessionId) {

    static final int MAX_QUESTION_LENGTH = UserMessage.MAX_LENGTH;
}

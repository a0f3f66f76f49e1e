package dev.parley.api;

import java.util.Optional;

import dev.parley.conversation.ConversationService;
import dev.parley.conversation.UserMessage;
import dev.parley.knowledge.Intent;
import dev.parley.text.QuestionText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/**
 * A question for the bot. Unknown JSON fields are ignored, so clients may send more than this.
 *
 * @param question  what the user typed
 * @param sessionId the conversation to continue, as returned by an earlier reply
 * @param intent    the intent of the suggestion the user picked, if the question comes from one
 */
record AskRequest(
        @Schema(description = "What the user typed.", example = "How long does delivery take?",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = AskRequest.MAX_QUESTION_LENGTH)
        @QuestionText
        String question,
        @Schema(description = "The conversation to continue, as returned in an earlier reply; omit to start one.",
                example = "3f1c9a0e-5b7d-4e2a-9c61-0d8e4b7f2a13")
        @Pattern(regexp = ConversationService.SESSION_ID_FORMAT, message = ConversationService.NOT_A_SESSION_ID)
        String sessionId,
        @Schema(description = "When the user picked one of a reply's `suggestions` (a follow-up or a \"Did you mean"
                + "…?\" candidate), its `intent`: that intent is answered without guessing. Send its `question` as "
                + "`question`; an intent the bot no longer knows is ignored and the question classified.",
                example = "delivery-time")
        @Pattern(regexp = Intent.ID_FORMAT, message = Intent.NOT_AN_ID)
        String intent) {

    static final int MAX_QUESTION_LENGTH = UserMessage.MAX_LENGTH;

    Optional<String> chosenIntent() {
        return Optional.ofNullable(intent);
    }
}

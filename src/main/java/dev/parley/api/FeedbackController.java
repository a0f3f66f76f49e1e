package dev.parley.api;


import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.conversation.AnswerFeedback;
import dev.parley.conversation.ConversationService;
import dev.parley.system.BodyExample;
import dev.parley.system.ProblemResponses;
import dev.parley.system.RequestSizeLimitFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** {@code POST /api/v1/answers/{id}/feedback}: a thumb up or down, and perhaps a comment, on one answer. */
@RestController
@LimitedPerClient
@BodyExample("{\"helpful\": false, \"comment\": \"It did not say where to apply.\"}; 'helpful' must be true or "
        + "false")
@RequestMapping("/api/v1/answers")
@Tag(name = "Feedback", description = "Tell the bot whether an answer helped")
class FeedbackController {

    private final ConversationService conversation;

    FeedbackController(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Operation(summary = "Give feedback on an answer",
            description = "`id` is the `answerId` of a reply. A second verdict on the same answer replaces the "
                    + "first.")
    @ApiResponse(responseCode = "204", description = "Kept")
    @ApiResponse(responseCode = "400", description = "Missing or non-boolean `helpful`, a comment over "
            + AnswerFeedback.MAX_COMMENT_LENGTH + " characters or with a lone surrogate, a noncharacter or a control "
            + "character, a malformed answer id, malformed JSON, or a body that is not valid UTF-8",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No answer has that id (never given, or deleted by retention)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "The body is over " + RequestSizeLimitFilter.MAX_BODY_KIB + " KiB",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "429", description = "Too many asks and feedbacks from this client address (REST and "
            + "chat together); try again after `Retry-After` seconds",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void feedback(@Parameter(description = "The reply's `answerId`",
                          example = "0f8b7c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f") @PathVariable String id,
                  @Valid @RequestBody FeedbackRequest request) {
        conversation.feedback(answerId(id), request.helpful(), AnswerFeedback.comment(request.comment()));
    }

    private static String answerId(String id) {
        return AnswerFeedback.answerId(id).orElseThrow(() -> ProblemResponses.problem(HttpStatus.BAD_REQUEST,
                "Invalid answer id", "'id' must be an answer id as given in a reply, e.g. "
                        + "0f8b7c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f").exception());
    }
}

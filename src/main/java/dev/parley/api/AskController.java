package dev.parley.api;

import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.conversation.BotReply;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.UserMessage;
import dev.parley.system.BodyExample;
import dev.parley.system.RequestSizeLimitFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** {@code POST /api/v1/ask}: one question in, the bot's reply out. */
@RestController
@LimitedPerClient
@BodyExample(value = "{\"question\": \"How long does delivery take?\"}", namesTheField = true)
@RequestMapping("/api/v1")
@Tag(name = "Ask", description = "Ask the bot a question")
class AskController {

    private final ConversationService conversation;

    AskController(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Operation(summary = "Ask a question",
            description = "Returns the curated answer for the question's intent, or, when the bot does not know, "
                    + "`fallback: true` with up to three questions it can answer, or, when its best guesses are too close to "
                    + "pick one, `clarification: true` with them as `suggestions`. Every reply has an `answerId` for "
                    + "feedback. With a `sessionId`, short follow-ups and \"tell me more\" continue the last topic.")
    @ApiResponse(responseCode = "200", description = "The bot's reply")
    @ApiResponse(responseCode = "400", description = "Blank, missing or too long question, one with a lone surrogate, "
            + "a noncharacter or a control character, bad session id, malformed JSON, or a body that is not valid "
            + "UTF-8", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = org.springframework.http.ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "The body is over " + RequestSizeLimitFilter.MAX_BODY_KIB + " KiB",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "429", description = "Too many asks and feedbacks from this client address (REST and "
            + "chat together); try again after `Retry-After` seconds",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "503", description = "The exchange could not be stored (the database is unavailable), "
            + "so no answer was given; ask again after `Retry-After` seconds",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/ask", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BotReply ask(@Valid @RequestBody AskRequest request) {
        return conversation.reply(new UserMessage(request.question(), Optional.ofNullable(request.sessionId()),
                Channel.REST, request.chosenIntent()));
    }
}

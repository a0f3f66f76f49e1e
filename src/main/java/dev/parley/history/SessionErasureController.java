package dev.parley.history;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.admin.AdminApi;
import dev.parley.admin.AdminApiDocumentation;
import dev.parley.conversation.ConversationService;
import dev.parley.system.ProblemException;
import dev.parley.system.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code DELETE /api/v1/admin/sessions/{sessionId}}: erases everything kept for one conversation, for a visitor who
 * asks for it (admin only). The conversation's context is read from what is kept, so it goes with it.
 */
@RestController
@Tag(name = AdminApiDocumentation.PRIVACY_TAG, description = "Privacy requests: erase what is kept of a conversation "
        + "(HTTP Basic, the admin user of parley.admin.*)")
@AdminApi
class SessionErasureController {

    private static final Logger log = LoggerFactory.getLogger(SessionErasureController.class);

    private final JdbcExchangeLog exchanges;

    SessionErasureController(JdbcExchangeLog exchanges) {
        this.exchanges = exchanges;
    }

    @Operation(summary = "Erase a conversation",
            description = "Deletes every exchange of the session (question, normalised question, intent, "
                    + "confidence, time, channel) and the feedback on its answers, on every channel. Afterwards the "
                    + "session's context is gone (a follow-up in it is read on its own), and the exchanges are no "
                    + "longer in the CSV export or the review API. Feedback on an erased answer gets a 404. Needs "
                    + "the admin user (HTTP Basic).")
    @ApiResponse(responseCode = "200", description = "Erased; how many exchanges and verdicts went")
    @ApiResponse(responseCode = "400", description = "Not a session id (8 to 64 letters, digits, '-' or '_')",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Nothing is kept for this session (never used, already "
            + "erased, or deleted by retention)", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping(path = "/api/v1/admin/sessions/{sessionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ErasedSession erase(@Parameter(description = "The `sessionId` of the conversation's replies",
                                   example = "9029e085-d63e-44ea-af06-0da03ced428a")
                        @PathVariable String sessionId) {
        if (!ConversationService.isSessionId(sessionId)) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid session id",
                    "'sessionId' " + ConversationService.NOT_A_SESSION_ID + ", as the bot's replies give it");
        }
        ErasedSession erased = exchanges.eraseSession(sessionId);
        if (erased.exchanges() == 0) {
            throw problem(HttpStatus.NOT_FOUND, "Unknown session", "Nothing is kept for session " + sessionId
                    + ": it was never used, was already erased, or retention has deleted it.");
        }
        // The counts and the id only: what the visitor wrote is exactly what must not outlive the request.
        log.info("Erased session {} at an admin's request: {} exchange(s) and {} feedback", sessionId,
                erased.exchanges(), erased.feedback());
        return erased;
    }

    private static ProblemException problem(HttpStatus status, String title, String detail) {
        return ProblemResponses.problem(status, title, detail).exception();
    }
}

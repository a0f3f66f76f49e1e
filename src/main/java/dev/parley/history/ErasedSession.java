package dev.parley.history;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What erasing a session deleted.
 *
 * @param sessionId the session
 * @param exchanges how many of its exchanges (questions with the bot's replies) were deleted
 * @param feedback  how many verdicts on its answers were deleted with them
 */
record ErasedSession(
        @Schema(description = "The session erased.", example = "9029e085-d63e-44ea-af06-0da03ced428a")
        String sessionId,
        @Schema(description = "How many of its exchanges were deleted.", example = "3")
        int exchanges,
        @Schema(description = "How many verdicts on its answers were deleted with them.", example = "1")
        int feedback) {
}

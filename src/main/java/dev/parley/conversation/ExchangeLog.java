package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where exchanges and feedback are kept. The conversation service writes every exchange here and reads a session's
 * recent turns back as its context, so context survives a restart and is shared by every node using one database.
 */
public interface ExchangeLog {

    /**
     * Keeps one exchange, returning at once, so that a caller with other work (a chat's answering thread) goes on
     * while it is written; one that has none waits for the future.
     *
     * @return completes once the exchange is kept, or fails with why it was not
     */
    CompletableFuture<Void> record(Exchange exchange);

    /**
     * Keeps a verdict on an answer, replacing an earlier one on the same answer.
     *
     * @return false when no exchange has that answer id (never given, or deleted by retention)
     */
    boolean recordFeedback(AnswerFeedback feedback);

    /** The session's exchanges since a moment, newest first, at most {@code limit}. */
    List<Exchange> recentTurns(String sessionId, Instant since, int limit);
}

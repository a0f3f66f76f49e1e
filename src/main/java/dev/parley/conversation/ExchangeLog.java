package dev.parley.conversation;

import java.time.Instant;
import java.util.List;

/**
 * Where exchanges and feedback are kept. The conversation service writes every exchange here and reads a session's
 * recent turns back as its context, so context survives a restart and is shared by every node using one database.
 */
public interface ExchangeLog {

    /** Keeps one exchange. */
    void record(Exchange exchange);

    /**
     * Keeps a verdict on an answer, replacing an earlier one on the same answer.
     *
     * @return false when no exchange has that answer id (never given, or deleted by retention)
     */
    boolean recordFeedback(AnswerFeedback feedback);

    /** The session's exchanges since a moment, newest first, at most {@code limit}. */
    List<Exchange> recentTurns(String sessionId, Instant since, int limit);
}

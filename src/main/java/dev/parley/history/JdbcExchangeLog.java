package dev.parley.history;

import static dev.parley.history.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.conversation.AnswerFeedback;
import dev.parley.conversation.Channel;
import dev.parley.conversation.Exchange;
import dev.parley.conversation.ExchangeLog;

/**
 * Keeps exchanges and feedback in the application's database (H2 by default, PostgreSQL by configuration). The
 * exchanges of concurrent requests share a commit ({@link GroupCommit}); each reply still waits for its own.
 */
@Repository
// made after the compaction and so destroyed before it: what is still waiting is committed before H2 is closed
@DependsOn("h2FileCompaction")
class JdbcExchangeLog implements ExchangeLog, DisposableBean {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final HistoryProperties settings;
    private final GroupCommit<Exchange> commits;

    JdbcExchangeLog(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions,
                    HistoryProperties settings) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = new TransactionTemplate(transactions);
        this.settings = settings;
        this.commits = new GroupCommit<>("parley-exchange-writer", this::insertAll, Duration.ofSeconds(30));
    }

    /** The future completes once the exchange is committed, in one transaction with those kept at the same moment. */
    @Override
    public CompletableFuture<Void> record(Exchange exchange) {
        return commits.submit(exchange);
    }

    private void insertAll(List<Exchange> exchanges) {
        boolean keepText = settings.storeQuestionText();
        List<Object[]> rows = exchanges.stream().map(exchange -> new Object[] {exchange.answerId(),
                utc(exchange.askedAt()), exchange.sessionId(), exchange.channel().name(),
                keepText ? storable(exchange.question()) : null,
                keepText ? storable(exchange.normalizedQuestion()) : null, exchange.intent(), exchange.confidence(),
                exchange.fallback(), exchange.clarification(), exchange.knowledgeVersion(),
                exchange.classifier()}).toList();
        transactions.executeWithoutResult(status -> batch.batchUpdate("""
                insert into exchange (answer_id, asked_at, session_id, channel, question, normalized_question,
                                      intent_id, confidence, fallback, clarification, knowledge_version, classifier)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows));
    }

    /** Writes the exchanges still waiting for their commit; the server has stopped taking requests by then. */
    @Override
    public void destroy() {
        commits.close();
    }

    /**
     * Update, else insert. Each statement commits on its own, with no surrounding transaction: on PostgreSQL a
     * statement that fails (the other thread's first verdict won the insert) would otherwise poison the transaction
     * and lose this verdict.
     */
    @Override
    public boolean recordFeedback(AnswerFeedback feedback) {
        var given = utc(feedback.givenAt());
        // With question text off, no free text typed by users is kept: feedback comments neither.
        String comment = settings.storeQuestionText() ? feedback.comment().map(JdbcExchangeLog::storable).orElse(null)
                : null;
        for (int attempt = 0; attempt < 2; attempt++) {
            if (replaceFeedback(feedback, given, comment)) {
                return true;
            }
            try {
                jdbc.sql("insert into feedback (answer_id, given_at, helpful, comment) values (?, ?, ?, ?)")
                        .params(feedback.answerId(), given, feedback.helpful(), comment).update();
                return true;
            } catch (DuplicateKeyException raced) {
                // Another first verdict on this answer landed between the update and the insert: replace it.
            } catch (DataIntegrityViolationException noSuchAnswer) {
                return false; // the foreign key: no exchange has this answer id (never given, or expired)
            }
        }
        return replaceFeedback(feedback, given, comment);
    }

    private boolean replaceFeedback(AnswerFeedback feedback, OffsetDateTime given, String comment) {
        return jdbc.sql("update feedback set given_at = ?, helpful = ?, comment = ? where answer_id = ?")
                .params(given, feedback.helpful(), comment, feedback.answerId()).update() > 0;
    }

    @Override
    public List<Exchange> recentTurns(String sessionId, Instant since, int limit) {
        return jdbc.sql("""
                        select answer_id, asked_at, session_id, channel, question, normalized_question, intent_id,
                               confidence, fallback, clarification, knowledge_version, classifier
                        from exchange where session_id = ? and asked_at >= ?
                        order by asked_at desc, id desc fetch first ? rows only""")
                .params(sessionId, utc(since), limit)
                .query(JdbcExchangeLog::exchange).list();
    }

    /** Deletes the exchanges asked before a moment, and (by the schema's cascade) their feedback. */
    int deleteAskedBefore(Instant cutoff) {
        return jdbc.sql("delete from exchange where asked_at < ?").param(utc(cutoff)).update();
    }

    /**
     * Deletes everything kept for one session: its exchanges and the feedback on them, in one transaction, so a
     * privacy request is met in full or not at all.
     */
    @Transactional
    ErasedSession eraseSession(String sessionId) {
        int feedback = jdbc.sql("delete from feedback where answer_id in "
                + "(select answer_id from exchange where session_id = ?)").param(sessionId).update();
        int exchanges = jdbc.sql("delete from exchange where session_id = ?").param(sessionId).update();
        return new ErasedSession(sessionId, exchanges, feedback);
    }

    /** PostgreSQL cannot store NUL in text (H2 can): it is dropped on both, so both keep the same text. */
    private static String storable(String text) {
        return text == null ? null : text.replace("\u0000", "");
    }

    private static Exchange exchange(ResultSet row, int rowNumber) throws SQLException {
        return new Exchange(row.getString("answer_id"), DatabaseTime.instant(row, "asked_at"),
                row.getString("session_id"), Channel.valueOf(row.getString("channel")), row.getString("question"),
                row.getString("normalized_question"), row.getString("intent_id"), row.getDouble("confidence"),
                row.getBoolean("fallback"), row.getBoolean("clarification"), row.getString("knowledge_version"),
                row.getString("classifier"));
    }
}

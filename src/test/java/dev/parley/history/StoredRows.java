package dev.parley.history;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and writes the history tables directly, for checking what was stored and for planting old rows. */
final class StoredRows {

    private final JdbcClient database;

    StoredRows(JdbcClient database) {
        this.database = database;
    }

    Map<String, Object> exchange(String answerId) {
        return database.sql("select * from exchange where answer_id = ?").param(answerId).query().singleRow();
    }

    boolean hasExchange(String answerId) {
        return count("select count(*) from exchange where answer_id = ?", answerId) > 0;
    }

    Optional<Map<String, Object>> feedback(String answerId) {
        return database.sql("select * from feedback where answer_id = ?").param(answerId).query().listOfRows()
                .stream().findFirst();
    }

    int count(String sql, Object... params) {
        return database.sql(sql).params(params).query(Integer.class).single();
    }

    /** Plants an exchange asked at a given moment, as if it had been asked then; returns its answer id. */
    String plantExchange(Instant askedAt, String sessionId, String question) {
        String answerId = UUID.randomUUID().toString();
        database.sql("""
                        insert into exchange (answer_id, asked_at, session_id, channel, question, normalized_question,
                                              intent_id, confidence, fallback, clarification)
                        values (?, ?, ?, 'REST', ?, ?, 'unhcr', 0.75, false, false)""")
                .params(answerId, DatabaseTime.utc(askedAt), sessionId, question, question.toLowerCase())
                .update();
        return answerId;
    }

    void plantFeedback(String answerId, Instant givenAt, boolean helpful, String comment) {
        database.sql("insert into feedback (answer_id, given_at, helpful, comment) values (?, ?, ?, ?)")
                .params(answerId, DatabaseTime.utc(givenAt), helpful, comment).update();
    }

    /** An instant as the database returns it for a timestamp-with-time-zone column. */
    static Instant instant(Object column) {
        return column instanceof java.time.OffsetDateTime time ? time.toInstant()
                : ((java.sql.Timestamp) column).toInstant();
    }
}

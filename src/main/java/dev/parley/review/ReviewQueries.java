package dev.parley.review;

import static dev.parley.history.DatabaseTime.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.history.DatabaseTime;
import dev.parley.review.ReviewReports.FeedbackEntry;
import dev.parley.review.ReviewReports.IntentStats;
import dev.parley.review.ReviewReports.VersionStats;

/**
 * Reads the exchange history for the review loop. Portable SQL only (the same statements run on H2 and PostgreSQL).
 * Every query returns a bounded number of rows (a limit, or one row per intent or per day), so results are read as
 * lists without a fetch size.
 */
@Repository
class ReviewQueries {

    private final JdbcClient jdbc;

    ReviewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Fallbacks, clarifications and answers below {@code lowConfidence} since a moment, newest first, at most
     * {@code limit} ({@code parley.review.max-questions} + 1): the rows are held as a list for grouping, so this bound
     * is what keeps the memory bounded.
     */
    List<UnansweredQuestion> unanswered(Instant since, double lowConfidence, int limit) {
        return jdbc.sql("""
                        select question, normalized_question, asked_at, fallback, clarification, confidence
                        from exchange
                        where asked_at >= ? and question is not null
                          and (fallback = true or clarification = true or confidence < ?)
                        order by asked_at desc, id desc fetch first ? rows only""")
                .params(utc(since), lowConfidence, limit)
                .query((row, n) -> new UnansweredQuestion(row.getString("question"),
                        row.getString("normalized_question"),
                        DatabaseTime.instant(row, "asked_at"), row.getBoolean("fallback"),
                        row.getBoolean("clarification"), row.getDouble("confidence")))
                .list();
    }

    /** Every intent answered since a moment, with its feedback counts (one row per intent); in no particular order. */
    List<IntentStats> intentStats(Instant since) {
        return jdbc.sql("""
                        select e.intent_id, count(*) as answered,
                               sum(case when f.helpful = true then 1 else 0 end) as helpful,
                               sum(case when f.helpful = false then 1 else 0 end) as not_helpful
                        from exchange e left join feedback f on f.answer_id = e.answer_id
                        where e.asked_at >= ? and e.intent_id is not null
                        group by e.intent_id""")
                .param(utc(since))
                .query((row, n) -> {
                    long helpful = row.getLong("helpful");
                    long notHelpful = row.getLong("not_helpful");
                    return new IntentStats(row.getString("intent_id"), null, row.getLong("answered"), helpful,
                            notHelpful, ReviewReports.negativeRate(helpful, notHelpful));
                })
                .list();
    }

    /**
     * What each knowledge version and classifier did since a moment (one row per version and classifier that
     * replied; the exchanges kept before versions were recorded form one row of nulls), with when the version was
     * last put in service, if it still is in the table of publications, and whether it is {@code inService}. In no
     * particular order.
     */
    List<VersionStats> versionStats(Instant since, String inService) {
        return jdbc.sql("""
                        select e.knowledge_version, e.classifier, count(*) as questions,
                               sum(case when e.fallback = false and e.clarification = false then 1 else 0 end)
                                   as answered,
                               sum(case when e.fallback = true then 1 else 0 end) as fallbacks,
                               sum(case when e.clarification = true then 1 else 0 end) as clarifications,
                               sum(case when f.helpful = true then 1 else 0 end) as helpful,
                               sum(case when f.helpful = false then 1 else 0 end) as not_helpful,
                               min(e.asked_at) as first_asked_at, max(e.asked_at) as last_asked_at,
                               p.last_publication, p.last_published_at
                        from exchange e
                        left join feedback f on f.answer_id = e.answer_id
                        left join (select version, max(id) as last_publication,
                                          max(published_at) as last_published_at
                                   from knowledge_publication group by version) p
                               on p.version = e.knowledge_version
                        where e.asked_at >= ?
                        group by e.knowledge_version, e.classifier, p.last_publication, p.last_published_at""")
                .param(utc(since))
                .query((row, n) -> {
                    long questions = row.getLong("questions");
                    long helpful = row.getLong("helpful");
                    long notHelpful = row.getLong("not_helpful");
                    Object publication = row.getObject("last_publication");
                    String version = row.getString("knowledge_version");
                    return new VersionStats(version, row.getString("classifier"), inService.equals(version),
                            publication == null ? null : ((Number) publication).longValue(),
                            row.getObject("last_published_at") == null ? null
                                    : DatabaseTime.instant(row, "last_published_at"),
                            questions, row.getLong("answered"), row.getLong("fallbacks"),
                            row.getLong("clarifications"), helpful, notHelpful,
                            (double) row.getLong("fallbacks") / questions,
                            ReviewReports.negativeRate(helpful, notHelpful), DatabaseTime.instant(row, "first_asked_at"),
                            DatabaseTime.instant(row, "last_asked_at"));
                })
                .list();
    }

    /**
     * Questions and fallbacks per UTC day since a moment; days without questions are absent. The database does the
     * counting, so what comes back is one row per day, however many questions there were.
     */
    Map<LocalDate, long[]> questionsAndFallbacksPerDay(Instant since) {
        // The day is counted from the epoch second, which neither database shifts into a session time zone (H2
        // casts a timestamp with time zone to a date in the JVM's zone, even after AT TIME ZONE 'UTC').
        Map<LocalDate, long[]> perDay = new TreeMap<>();
        jdbc.sql("""
                        select floor(extract(epoch from asked_at) / 86400) as epoch_day, count(*) as questions,
                               sum(case when fallback = true then 1 else 0 end) as fallbacks
                        from exchange
                        where asked_at >= ?
                        group by floor(extract(epoch from asked_at) / 86400)""")
                .param(utc(since))
                .query(row -> {
                    perDay.put(LocalDate.ofEpochDay(row.getLong("epoch_day")),
                            new long[] {row.getLong("questions"), row.getLong("fallbacks")});
                });
        return perDay;
    }

    /**
     * Feedback given since a moment, newest first, at most {@code limit} (the request's, at most 500); only one kind
     * when {@code helpful} is set.
     */
    List<FeedbackEntry> feedback(Instant since, Boolean helpful, int limit) {
        // A fixed choice of two literal conditions, so no client text ever reaches the SQL.
        String kind = helpful == null ? "" : helpful ? "and f.helpful = true" : "and f.helpful = false";
        return jdbc.sql("""
                        select f.given_at, f.helpful, f.comment, e.question, e.intent_id, e.fallback, e.answer_id
                        from feedback f join exchange e on e.answer_id = f.answer_id
                        where f.given_at >= ? %s
                        order by f.given_at desc, f.id desc fetch first ? rows only""".formatted(kind))
                .params(utc(since), limit)
                .query((row, n) -> new FeedbackEntry(DatabaseTime.instant(row, "given_at"),
                        row.getBoolean("helpful"), row.getString("comment"), row.getString("question"),
                        row.getString("intent_id"), row.getBoolean("fallback"), row.getString("answer_id")))
                .list();
    }
}

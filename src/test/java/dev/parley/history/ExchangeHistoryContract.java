package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.conversation.Exchange;
import dev.parley.conversation.ExchangeLog;
import dev.parley.conversation.UserMessage;
import dev.parley.testing.ApiClient;
import dev.parley.text.Phrasing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the history must do on every database Parley supports: the same tests run on the embedded H2
 * ({@link H2ExchangeHistoryTest}) and on a real PostgreSQL ({@link PostgresExchangeHistoryTest}), through the real
 * HTTP API where there is one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ExchangeHistoryContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient database;
    @Autowired
    Flyway flyway;
    @Autowired
    ExchangeLog exchangeLog;
    @Autowired
    HistoryRetention retention;

    ApiClient api;
    ApiClient admin;
    StoredRows rows;
    String session;

    @BeforeEach
    void setUp() {
        api = ApiClient.anonymous(port);
        admin = ApiClient.asAdmin(port);
        rows = new StoredRows(database);
        session = "contract-" + UUID.randomUUID();
    }

    @Test
    void flywayHasAppliedEveryMigration() {
        MigrationInfo[] applied = flyway.info().applied();

        assertThat(flyway.info().pending()).isEmpty();
        assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        // Versions follow on without gaps: a V20 after V2 would leave V3 to V19 to be slotted in out of order later.
        assertThat(applied).extracting(info -> info.getVersion().getVersion())
                .containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(rows.count("select count(*) from exchange where 1 = 0")).isZero();
        assertThat(rows.count("select count(*) from feedback where 1 = 0")).isZero();
    }

    @Test
    void anExchangeAskedOverHttpIsStoredWithAllItsFields() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        JsonNode reply = api.replyTo("Who can refer cases to the ICC?", session);
        Instant after = Instant.now();

        Map<String, Object> stored = rows.exchange(reply.get("answerId").asString());

        assertThat(StoredRows.instant(stored.get("asked_at"))).isBetween(before, after);
        assertThat(stored).containsEntry("session_id", session)
                .containsEntry("channel", "REST")
                .containsEntry("question", "Who can refer cases to the ICC?")
                .containsEntry("normalized_question", Phrasing.comparable("Who can refer cases to the ICC?"))
                .containsEntry("intent_id", "icc-referral")
                .containsEntry("confidence", reply.get("confidence").asDouble())
                .containsEntry("fallback", false)
                .containsEntry("clarification", false);
        assertThat(stored.get("normalized_question")).asString().isNotBlank();
        // what answered it: the version and classifier the instance reports as in service
        JsonNode served = api.get("/actuator/info").json().get("knowledge");
        assertThat(stored).containsEntry("knowledge_version", served.get("version").asString())
                .containsEntry("classifier", served.get("classifier").asString());
        assertThat(served.get("version").asString()).hasSize(64);
    }

    @Test
    void textInAnyScriptIsStoredAsTyped() {
        String question = "ما هو دور الأمم المتحدة؟ 🙂 Ｉｃｃ";
        String answerId = api.replyTo(question, session).get("answerId").asString();
        String comment = "👍".repeat(1000);

        assertThat(api.feedback(answerId, true, comment).status()).isEqualTo(204);

        assertThat(rows.exchange(answerId)).containsEntry("question", question);
        assertThat(rows.feedback(answerId).orElseThrow()).containsEntry("comment", comment);
    }

    /**
     * Regression test: 250 x U+FDFA normalises to 4,500 chars, more than the column held, so the insert failed after
     * the answer had been given, and feedback on it was a 404. 1,000 of it is the widest question there is
     * (TextNormalizer.MAX_EXPANSION); 1,000 emoji the longest in UTF-16 as typed.
     */
    @Test
    void theWidestQuestionsAChannelAcceptsAreStoredAndTakeFeedback() {
        for (String question : List.of("\uFDFA".repeat(250), "\uFDFA".repeat(UserMessage.MAX_LENGTH),
                "\uD83D\uDE00".repeat(UserMessage.MAX_LENGTH), "\uFB2C".repeat(UserMessage.MAX_LENGTH))) {
            String answerId = api.replyTo(question, session).get("answerId").asString();

            assertThat(api.feedback(answerId, true, null).status()).isEqualTo(204);
            assertThat(rows.exchange(answerId)).containsEntry("question", question)
                    .containsEntry("normalized_question", Phrasing.comparable(question));
        }
    }

    /** An answer id handed out names a stored exchange: when storing fails, no answer is given at all. */
    @Test
    void anExchangeTheDatabaseRefusesGetsA503AndNoAnswer() {
        String refused = "refused-" + UUID.randomUUID();
        database.sql("alter table exchange add constraint exchange_refused_in_test check (session_id <> '"
                + refused + "')").update();
        try {
            var response = api.ask(ApiClient.body("question", "who can refer cases to the ICC?", "sessionId", refused));

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.body()).contains("\"title\":\"Answer not kept\"").doesNotContain("answerId");
        } finally {
            database.sql("alter table exchange drop constraint exchange_refused_in_test").update();
        }
        assertThat(api.replyTo("who can refer cases to the ICC?", refused).get("answerId").asString()).isNotBlank();
    }

    @Test
    void aNulCharacterIsRefusedBeforeAnyDatabaseSeesIt() {
        // PostgreSQL cannot store NUL in text: the rule for all user text refuses it with a 400 at the edge.
        String answerId = api.replyTo("who can refer cases to the ICC?", session).get("answerId").asString();

        assertThat(api.feedback(answerId, false, "nul\u0000 inside").status()).isEqualTo(400);

        assertThat(rows.feedback(answerId)).isEmpty();
    }

    @Test
    void aFallbackIsStoredWithoutAnIntent() {
        JsonNode reply = api.replyTo("what is the weather in Paris?", session);

        Map<String, Object> stored = rows.exchange(reply.get("answerId").asString());

        assertThat(reply.get("fallback").asBoolean()).isTrue();
        assertThat(stored).containsEntry("fallback", true).containsEntry("intent_id", null)
                .containsEntry("question", "what is the weather in Paris?");
    }

    @Test
    void feedbackIsStoredAndASecondVerdictReplacesTheFirst() {
        String answerId = api.replyTo("what does the UNHCR do?", session).get("answerId").asString();

        assertThat(api.feedback(answerId, false, "Not what I asked, sorry: \"UNHCR\"?").status()).isEqualTo(204);
        assertThat(rows.feedback(answerId)).hasValueSatisfying(first -> assertThat(first)
                .containsEntry("helpful", false).containsEntry("comment", "Not what I asked, sorry: \"UNHCR\"?"));
        Instant firstGiven = StoredRows.instant(rows.feedback(answerId).orElseThrow().get("given_at"));

        assertThat(api.feedback(answerId, true, null).status()).isEqualTo(204);

        assertThat(rows.count("select count(*) from feedback where answer_id = ?", answerId)).isEqualTo(1);
        Map<String, Object> replaced = rows.feedback(answerId).orElseThrow();
        assertThat(replaced).containsEntry("helpful", true).containsEntry("comment", null);
        assertThat(StoredRows.instant(replaced.get("given_at"))).isAfterOrEqualTo(firstGiven);
    }

    @Test
    void firstVerdictsGivenAtTheSameMomentAreAllKeptAsOneRow() throws Exception {
        String answerId = api.replyTo("who can refer cases to the ICC?", session).get("answerId").asString();
        int threads = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var verdicts = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < threads; i++) {
                boolean helpful = i % 2 == 0;
                verdicts.add(pool.submit(() -> {
                    start.await();
                    return exchangeLog.recordFeedback(new dev.parley.conversation.AnswerFeedback(answerId, helpful,
                            java.util.Optional.empty(), Instant.now()));
                }));
            }
            start.countDown();
            for (var verdict : verdicts) {
                assertThat(verdict.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(rows.count("select count(*) from feedback where answer_id = ?", answerId)).isEqualTo(1);
    }

    @Test
    void feedbackOnAnAnswerNeverGivenIsRefusedWithoutAnError() {
        assertThat(exchangeLog.recordFeedback(new dev.parley.conversation.AnswerFeedback(UUID.randomUUID().toString(),
                true, java.util.Optional.empty(), Instant.now()))).isFalse();
    }

    @Test
    void recentTurnsAreTheSessionsNewestFirstWithinTheLimit() {
        List<String> answers = List.of("hello", "what does the UNHCR do?", "who can refer cases to the ICC?").stream()
                .map(question -> api.replyTo(question, session).get("answerId").asString()).toList();
        api.replyTo("hello", "another-" + UUID.randomUUID());

        List<Exchange> turns = exchangeLog.recentTurns(session, Instant.now().minus(Duration.ofMinutes(5)), 2);

        assertThat(turns).extracting(Exchange::answerId).containsExactly(answers.get(2), answers.get(1));
        assertThat(turns.get(0).question()).isEqualTo("who can refer cases to the ICC?");
        assertThat(turns.get(0).intent()).isEqualTo("icc-referral");
        assertThat(exchangeLog.recentTurns(session, Instant.now().plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void retentionDeletesExpiredExchangesWithTheirFeedbackAndKeepsTheRest() {
        Instant now = Instant.now();
        String expired = rows.plantExchange(now.minus(Duration.ofDays(91)), session, "an old question");
        rows.plantFeedback(expired, now.minus(Duration.ofDays(91)), false, "old");
        String kept = rows.plantExchange(now.minus(Duration.ofDays(89)), session, "a recent question");
        rows.plantFeedback(kept, now.minus(Duration.ofDays(89)), true, null);

        int deleted = retention.deleteExpired();

        assertThat(deleted).isEqualTo(1);
        assertThat(rows.hasExchange(expired)).isFalse();
        assertThat(rows.feedback(expired)).isEmpty();
        assertThat(rows.hasExchange(kept)).isTrue();
        assertThat(rows.feedback(kept)).isPresent();
    }

    @Test
    void theCsvExportHasTheStoredExchangesWithTheirFeedback() throws IOException {
        JsonNode first = api.replyTo("who can refer cases to the ICC?", session);
        JsonNode second = api.replyTo("what is the weather, in Paris?", session);
        api.feedback(second.get("answerId").asString(), false, "Say \"I don't know\",\nthen help.");

        var response = admin.exportCsv("");

        assertThat(response.status()).isEqualTo(200);
        List<CSVRecord> mine = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords().stream()
                .filter(row -> row.get("session_id").equals(session)).toList();
        assertThat(mine).extracting(row -> row.get("answer_id"))
                .containsExactly(first.get("answerId").asString(), second.get("answerId").asString());
        assertThat(mine.get(0).get("intent")).isEqualTo("icc-referral");
        assertThat(mine.get(0).get("helpful")).isEmpty();
        assertThat(mine.get(1).get("question")).isEqualTo("what is the weather, in Paris?");
        assertThat(mine.get(1).get("fallback")).isEqualTo("true");
        assertThat(mine.get(1).get("helpful")).isEqualTo("false");
        assertThat(mine.get(1).get("comment")).isEqualTo("Say \"I don't know\",\nthen help.");
    }

    @Test
    void theCsvExportStreamsMoreRowsThanOneFetchInOrder() throws IOException {
        Instant base = Instant.now().minus(Duration.ofDays(3));
        List<String> planted = IntStream.range(0, 1200)
                .mapToObj(i -> rows.plantExchange(base.plusSeconds(i), session, "question " + i)).toList();

        String body = admin.exportCsv("?from=" + LocalDate.ofInstant(base, ZoneOffset.UTC)).body();

        assertThat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords().stream()
                .filter(row -> row.get("session_id").equals(session)).map(row -> row.get("answer_id")))
                .containsExactlyElementsOf(planted);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void erasingASessionDeletesItsExchangesAndFeedbackFromEveryViewAndNothingElse(CapturedOutput output)
            throws IOException {
        String unansweredQuestion = "what is the weather in Paris tomorrow, " + session + "?";
        String answered = api.replyTo("who can refer cases to the ICC?", session).get("answerId").asString();
        String unanswered = api.replyTo(unansweredQuestion, session).get("answerId").asString();
        assertThat(api.feedback(answered, false, "Please forget me").status()).isEqualTo(204);
        String otherSession = "contract-other-" + UUID.randomUUID();
        String kept = api.replyTo("what does the UNHCR do?", otherSession).get("answerId").asString();
        assertThat(api.feedback(kept, false, "Keep me").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/admin/unanswered?days=1").body()).contains(unansweredQuestion);

        var response = admin.eraseSession(session);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode erased = JSON.readTree(response.body());
        assertThat(erased.get("sessionId").asString()).isEqualTo(session);
        assertThat(erased.get("exchanges").asInt()).isEqualTo(2);
        assertThat(erased.get("feedback").asInt()).isEqualTo(1);
        assertThat(rows.count("select count(*) from exchange where session_id = ?", session)).isZero();
        assertThat(rows.feedback(answered)).isEmpty();
        assertThat(rows.hasExchange(unanswered)).isFalse();
        assertThat(rows.hasExchange(kept)).as("another session's exchange").isTrue();
        assertThat(rows.feedback(kept)).isPresent();
        List<CSVRecord> export = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(admin.exportCsv("").body())).getRecords();
        assertThat(export).extracting(row -> row.get("session_id")).doesNotContain(session).contains(otherSession);
        String feedback = admin.get("/api/v1/admin/feedback?days=1&limit=500").body();
        assertThat(feedback).doesNotContain(answered).contains(kept);
        assertThat(admin.get("/api/v1/admin/unanswered?days=1").body()).doesNotContain(unansweredQuestion);
        assertThat(api.feedback(answered, true, null).status()).as("feedback on an erased answer").isEqualTo(404);
        assertThat(output.getOut()).contains("Erased session " + session)
                .doesNotContain("Please forget me").doesNotContain("what is the weather in Paris tomorrow");
    }

    @Test
    void afterErasureAFollowUpInTheSessionIsReadWithoutItsOldContext() {
        String otherSession = "contract-other-" + UUID.randomUUID();
        assertThat(api.replyTo("What is the European Court of Human Rights?", session).get("intent").asString())
                .isEqualTo("echr");
        api.replyTo("What is the European Court of Human Rights?", otherSession);

        assertThat(admin.eraseSession(session).status()).isEqualTo(200);

        assertThat(api.replyTo("and in Africa?", otherSession).get("intent").asString()).as("context kept elsewhere")
                .isEqualTo("african-union");
        assertThat(api.replyTo("and in Africa?", session).get("fallback").asBoolean()).as("read on its own").isTrue();
    }

    @Test
    void erasingASessionNothingIsKeptForIsA404AndAMalformedIdA400() {
        var unknown = admin.eraseSession(session);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(unknown.body()).get("detail").asString()).contains("Nothing is kept for session");

        api.replyTo("hello", session);
        assertThat(admin.eraseSession(session).status()).isEqualTo(200);
        assertThat(admin.eraseSession(session).status()).as("erased already").isEqualTo(404);

        for (String malformed : List.of("short", "x".repeat(65), "semi%3Bcolon", "dots.in.the.id")) {
            var response = admin.eraseSession(malformed);
            assertThat(response.status()).as(malformed).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(malformed)
                    .hasValue("application/problem+json");
        }
        assertThat(api.eraseSession(session).status()).isEqualTo(401);
    }

    @Test
    void theDailyReviewCountsQuestionsPerUtcDayOnEitherSideOfMidnight() {
        // The review counts per day in SQL; this runs that SQL on each database. Forty days back, where no other
        // test of this contract plants exchanges.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        Instant midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        rows.plantExchange(midnight.minusMillis(1), session, "a millisecond before midnight");
        rows.plantExchange(midnight.minus(Duration.ofHours(23)), session, "early that day");
        rows.plantExchange(midnight, session, "at midnight");

        JsonNode days = admin.get("/api/v1/admin/daily?days=45").json().get("days");

        Map<String, Long> questions = days.values().stream()
                .collect(Collectors.toMap(d -> d.get("date").asString(), d -> d.get("questions").asLong()));
        assertThat(questions).containsEntry(day.minusDays(1).toString(), 0L)
                .containsEntry(day.toString(), 2L)
                .containsEntry(day.plusDays(1).toString(), 1L)
                .containsEntry(day.plusDays(2).toString(), 0L);
    }
}

package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExchangeExportTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient database;
    ApiClient api;
    ApiClient admin;
    StoredRows rows;
    String session;

    @BeforeEach
    void setUp() {
        api = ApiClient.anonymous(port);
        admin = ApiClient.asAdmin(port);
        rows = new StoredRows(database);
        session = "export-" + UUID.randomUUID();
    }

    @Test
    void refusesWithoutCredentials() {
        ApiClient.Response response = api.exportCsv("");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(response.body()).doesNotContain(",session_id,");
    }

    @Test
    void refusesAWrongPassword() {
        assertThat(ApiClient.withCredentials(port, ApiClient.ADMIN, "guess").exportCsv("").status()).isEqualTo(401);
    }

    @Test
    void isAnAttachmentOfTextCsvWithTheColumnsInOrder() throws IOException {
        ApiClient.Response response = admin.exportCsv("?from=2026-01-01&to=2026-01-31");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"parley-exchanges-2026-01-01-2026-01-31.csv\"");
        assertThat(parse(response.body()).getHeaderNames()).containsExactly("asked_at", "session_id", "channel",
                "question", "normalized_question", "intent", "confidence", "fallback", "clarification", "answer_id",
                "helpful", "comment", "knowledge_version", "classifier");
    }

    @Test
    void anOpenPeriodIsNamedFromTheBeginningToToday() {
        assertThat(admin.exportCsv("").headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"parley-exchanges-beginning-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksSoTheyReadBackUnchanged() throws IOException {
        List<String> questions = List.of("refer, to the ICC, who can?", "what does \"UNHCR\" stand for?",
                "who can refer cases\nto the ICC?", "so; what\r\nabout\tmigration?");
        List<String> answerIds = questions.stream()
                .map(question -> api.replyTo(question, session).get("answerId").asString()).toList();
        api.feedback(answerIds.get(0), false, "a \"comment\", with\nall of it");

        String body = admin.exportCsv("").body();

        List<CSVRecord> mine = mine(body);
        assertThat(mine).extracting(row -> row.get("question")).containsExactlyElementsOf(questions);
        assertThat(mine).extracting(row -> row.get("answer_id")).containsExactlyElementsOf(answerIds);
        assertThat(mine.get(0).get("comment")).isEqualTo("a \"comment\", with\nall of it");
        assertThat(mine.get(0).get("helpful")).isEqualTo("false");
        assertThat(body).contains("\"what does \"\"UNHCR\"\" stand for?\"");
    }

    @Test
    void storesEveryFieldOfAnExchangeInItsColumn() throws IOException {
        var reply = api.replyTo("who can refer cases to the ICC?", session);
        api.feedback(reply.get("answerId").asString(), true, "clear");

        CSVRecord row = mine(admin.exportCsv("").body()).get(0);

        assertThat(Instant.parse(row.get("asked_at"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(row.get("asked_at")).endsWith("Z");
        assertThat(row.get("channel")).isEqualTo("REST");
        assertThat(row.get("question")).isEqualTo("who can refer cases to the ICC?");
        assertThat(row.get("normalized_question")).isNotBlank().doesNotContain("?");
        assertThat(row.get("intent")).isEqualTo("icc-referral");
        assertThat(Double.parseDouble(row.get("confidence"))).isEqualTo(reply.get("confidence").asDouble());
        assertThat(row.get("confidence")).doesNotContain("E");
        assertThat(row.get("fallback")).isEqualTo("false");
        assertThat(row.get("clarification")).isEqualTo("false");
        assertThat(row.get("helpful")).isEqualTo("true");
        assertThat(row.get("comment")).isEqualTo("clear");
        JsonNode served = api.get("/actuator/info").json().get("knowledge");
        assertThat(row.get("knowledge_version")).isEqualTo(served.get("version").asString());
        assertThat(row.get("classifier")).isEqualTo(served.get("classifier").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A9)",
            // Spreadsheets skip leading blanks before they look for a formula (OWASP, CSV injection).
            " =HYPERLINK(\"http://evil.example\",\"click\")", "\t=1+2", "\r\n+1+2", "\u00a0\u2003@SUM(A1:A9)"})
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe(String question) throws IOException {
        String answerId = api.replyTo(question, session).get("answerId").asString();
        api.feedback(answerId, false, question);

        CSVRecord row = mine(admin.exportCsv("").body()).get(0);

        assertThat(row.get("question")).isEqualTo("'" + question);
        assertThat(row.get("comment")).isEqualTo("'" + question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is 2+2?", " a question after a blank", "e-mail @ the office", "'quoted"})
    void textThatIsNoFormulaIsExportedAsTyped(String question) throws IOException {
        api.replyTo(question, session);

        assertThat(mine(admin.exportCsv("").body()).get(0).get("question")).isEqualTo(question);
    }

    @Test
    void aSessionIdThatLooksLikeAFormulaIsDefusedToo() throws IOException {
        session = "-" + UUID.randomUUID();
        api.replyTo("hello", session);

        String body = admin.exportCsv("").body();

        assertThat(parse(body).getRecords()).extracting(row -> row.get("session_id")).contains("'" + session)
                .doesNotContain(session);
    }

    @Test
    void includesBothEndsOfThePeriodInUtcDays() throws IOException {
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        LocalDate to = from.plusDays(2);
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        rows.plantExchange(start.minusNanos(1000), session, "just before");
        String first = rows.plantExchange(start, session, "first moment");
        String last = rows.plantExchange(end.minusNanos(1000), session, "last moment");
        rows.plantExchange(end, session, "just after");

        ApiClient.Response response = admin.exportCsv("?from=" + from + "&to=" + to);

        assertThat(mine(response.body())).extracting(row -> row.get("answer_id")).containsExactly(first, last);
        assertThat(mine(admin.exportCsv("?to=" + from).body())).extracting(row -> row.get("question"))
                .containsExactly("just before", "first moment");
        assertThat(mine(admin.exportCsv("?from=" + to.plusDays(1)).body())).extracting(row -> row.get("question"))
                .containsExactly("just after");
        assertThat(mine(admin.exportCsv("?from=" + from.minusDays(30) + "&to=" + from.minusDays(20)).body())).isEmpty();
    }

    private List<CSVRecord> mine(String body) throws IOException {
        return parse(body).getRecords().stream().filter(row -> row.get("session_id").equals(session)).toList();
    }

    private static org.apache.commons.csv.CSVParser parse(String body) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body));
    }

    @Nested
    class BadPeriodsGetProblemDetails {

        @ParameterizedTest
        @ValueSource(strings = {"?from=2026-13-01", "?from=2026-02-30", "?to=yesterday", "?from=26-01-01",
                "?from=%2B300000-01-01", "?to=2026-1-5", "?from=2026-01-01T00:00:00Z"})
        void aMalformedDate(String query) {
            assertBadRequest(admin.exportCsv(query), "must be a date as yyyy-MM-dd");
        }

        @Test
        void fromAfterTo() {
            assertBadRequest(admin.exportCsv("?from=2026-03-02&to=2026-03-01"),
                    "'from' (2026-03-02) must not be after 'to' (2026-03-01)");
        }

        @Test
        void oneDayIsAValidPeriod() {
            assertThat(admin.exportCsv("?from=2026-03-01&to=2026-03-01").status()).isEqualTo(200);
        }

        private void assertBadRequest(ApiClient.Response response, String detail) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            var problem = JsonMapper.builder().build().readTree(response.body());
            assertThat(problem.get("title").asString()).isEqualTo("Invalid period");
            assertThat(problem.get("detail").asString()).contains(detail);
            assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        }
    }
}

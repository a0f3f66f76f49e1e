package dev.parley.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.conversation.AnswerFeedback;
import dev.parley.conversation.Channel;
import dev.parley.conversation.Exchange;
import dev.parley.conversation.ExchangeLog;
import dev.parley.testing.ApiClient;
import dev.parley.testing.OwnApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The review endpoints over real HTTP, on exchanges made by asking the running bot real questions. Its own
 * application context, so its database holds only what this class asked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OwnApplicationContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewApiTest {

    static final List<String> WEATHER = List.of("what is the weather in Paris?", "whats the weather like in paris",
            "Paris weather today", "wether in paris");
    static final List<String> PASSPORT = List.of("how do I renew my passport", "passport renewal");
    static final String ICC = "who can refer cases to the ICC?";
    static final String UNHCR = "what does the UNHCR do?";
    static final int DAYS_AGO = 3;

    @LocalServerPort
    int port;

    @Autowired
    ExchangeLog exchangeLog;
    @Autowired
    JdbcClient database;

    ApiClient admin;
    int asked;
    int fallbacksToday;

    @BeforeAll
    void askQuestionsAndGiveFeedback() {
        admin = ApiClient.asAdmin(port);
        for (String question : concat(WEATHER, PASSPORT)) {
            JsonNode reply = admin.replyTo(question);
            // The fixture only proves something while these really are what the review lists as unanswered.
            assertThat(reply.get("fallback").asBoolean() || reply.get("confidence").asDouble() < 0.5)
                    .as("'%s' is unanswered", question).isTrue();
            fallbacksToday += reply.get("fallback").asBoolean() ? 1 : 0;
        }
        var iccAnswers = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            JsonNode reply = admin.replyTo(ICC);
            assertThat(reply.get("intent").asString()).isEqualTo("icc-referral");
            iccAnswers.add(reply.get("answerId").asString());
        }
        var unhcrAnswers = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            JsonNode reply = admin.replyTo(UNHCR);
            assertThat(reply.get("intent").asString()).isEqualTo("unhcr");
            unhcrAnswers.add(reply.get("answerId").asString());
        }
        asked = WEATHER.size() + PASSPORT.size() + iccAnswers.size() + unhcrAnswers.size();
        // The feedback endpoint is another part of the API: feedback goes in through the exchange log it uses.
        Instant now = Instant.now();
        exchangeLog.recordFeedback(new AnswerFeedback(iccAnswers.get(0), true, Optional.empty(), now.minusSeconds(3)));
        exchangeLog.recordFeedback(new AnswerFeedback(iccAnswers.get(1), true, Optional.empty(), now.minusSeconds(2)));
        exchangeLog.recordFeedback(new AnswerFeedback(unhcrAnswers.get(0), false,
                Optional.of("It does not say where to apply"), now.minusSeconds(1)));
        // A question days ago, for the daily series; no channel can date a question back, so it is recorded directly.
        exchangeLog.record(new Exchange("old-answer-1", now.minus(DAYS_AGO, ChronoUnit.DAYS), "old-session-1",
                Channel.REST, "what time is it in Tokyo", "what time is it in tokyo", null, 0.01, true, false,
                null, null)).join();
    }

    @Nested
    class Unanswered {

        @Test
        void groupsParaphrasesOfOneQuestionAndKeepsDifferentQuestionsApart() {
            JsonNode report = admin.get("/api/v1/admin/unanswered").json();

            assertThat(report.get("questionTextStored").asBoolean()).isTrue();
            assertThat(report.get("reason").isNull()).isTrue();
            List<JsonNode> groups = list(report.get("groups"));
            assertThat(groups).hasSize(3);
            JsonNode weather = groups.get(0);
            assertThat(weather.get("count").asInt()).isEqualTo(4);
            assertThat(strings(weather.get("examples"))).containsExactlyInAnyOrderElementsOf(WEATHER);
            JsonNode passport = groups.get(1);
            assertThat(passport.get("count").asInt()).isEqualTo(2);
            assertThat(strings(passport.get("examples"))).containsExactlyInAnyOrderElementsOf(PASSPORT);
            assertThat(strings(groups.get(2).get("examples"))).containsExactly("what time is it in Tokyo");
        }

        @Test
        void givesEachGroupItsMostRecentTimeBreakdownAndClosestIntent() {
            JsonNode passport = list(admin.get("/api/v1/admin/unanswered").json().get("groups")).get(1);

            assertThat(Instant.parse(passport.get("lastAskedAt").asString()))
                    .isBetween(Instant.now().minus(10, ChronoUnit.MINUTES), Instant.now());
            assertThat(passport.get("fallbacks").asInt() + passport.get("clarifications").asInt()
                    + passport.get("lowConfidence").asInt()).isEqualTo(2);
            JsonNode closest = passport.get("closestIntent");
            String intent = closest.get("id").asString();
            JsonNode listed = ApiClient.anonymous(port).get("/api/v1/intents/" + intent).json();
            assertThat(closest.get("question").asString()).isEqualTo(listed.get("question").asString());
            assertThat(closest.get("score").asDouble()).isBetween(0.0, 1.0);
        }

        @Test
        void leavesOutQuestionsOlderThanTheWindow() {
            List<JsonNode> groups = list(admin.get("/api/v1/admin/unanswered?days=" + DAYS_AGO).json().get("groups"));

            assertThat(groups).hasSize(2).noneMatch(group -> strings(group.get("examples"))
                    .contains("what time is it in Tokyo"));
        }
    }

    @Nested
    class IntentStats {

        @Test
        void ranksIntentsByTrafficWithTheirFeedback() {
            JsonNode report = admin.get("/api/v1/admin/intent-stats").json();

            assertThat(report.get("sort").asString()).isEqualTo("traffic");
            List<JsonNode> intents = list(report.get("intents"));
            assertThat(intents).extracting(i -> i.get("intent").asString()).containsExactly("icc-referral", "unhcr");
            JsonNode icc = intents.get(0);
            assertThat(icc.get("answered").asLong()).isEqualTo(3);
            assertThat(icc.get("helpful").asLong()).isEqualTo(2);
            assertThat(icc.get("notHelpful").asLong()).isZero();
            assertThat(icc.get("negativeRate").asDouble()).isZero();
            assertThat(icc.get("question").asString()).isEqualTo(
                    "Who can refer cases to the International Criminal Court?");
        }

        @Test
        void ranksIntentsByNegativeFeedback() {
            List<JsonNode> intents = list(admin.get("/api/v1/admin/intent-stats?sort=negative").json()
                    .get("intents"));

            assertThat(intents).extracting(i -> i.get("intent").asString()).containsExactly("unhcr", "icc-referral");
            assertThat(intents.get(0).get("answered").asLong()).isEqualTo(2);
            assertThat(intents.get(0).get("notHelpful").asLong()).isEqualTo(1);
            assertThat(intents.get(0).get("negativeRate").asDouble()).isEqualTo(1.0);
        }
    }

    @Nested
    class Daily {

        @Test
        void countsQuestionsAndFallbacksPerDayWithZerosForQuietDays() {
            JsonNode report = admin.get("/api/v1/admin/daily?days=5").json();

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<JsonNode> days = list(report.get("days"));
            assertThat(days).extracting(d -> d.get("date").asString()).containsExactly(
                    today.minusDays(4).toString(), today.minusDays(3).toString(), today.minusDays(2).toString(),
                    today.minusDays(1).toString(), today.toString());
            assertThat(days).extracting(d -> d.get("questions").asLong()).containsExactly(0L, 1L, 0L, 0L,
                    (long) asked);
            assertThat(days).extracting(d -> d.get("fallbacks").asLong()).containsExactly(0L, 1L, 0L, 0L,
                    (long) fallbacksToday);
            assertThat(days.get(1).get("fallbackRate").asDouble()).isEqualTo(1.0);
            assertThat(days.get(0).get("fallbackRate").asDouble()).isZero();
            assertThat(days.get(4).get("fallbackRate").asDouble()).isEqualTo((double) fallbacksToday / asked);
            assertThat(report.get("questions").asLong()).isEqualTo(asked + 1L);
            assertThat(report.get("window").get("days").asInt()).isEqualTo(5);
        }

        @Test
        void theDatabaseCountsSoOnlyOneRowPerDayComesBack() {
            // H2 keeps, per statement, how many rows it returned. Handing over one row per question would hold a
            // busy site's whole month in memory (PostgreSQL's driver reads a result in full unless told otherwise).
            database.sql("set query_statistics true").update();
            try {
                admin.get("/api/v1/admin/daily?days=5").json();

                List<Long> rowsReturned = database.sql("""
                                select max_row_count from information_schema.query_statistics
                                where lower(sql_statement) like '%from exchange%'
                                  and lower(sql_statement) like '%fallback%'""")
                        .query(Long.class).list();
                // Two days have questions: today (asked questions) and DAYS_AGO (one).
                assertThat(rowsReturned).containsExactly(2L);
            } finally {
                database.sql("set query_statistics false").update();
            }
        }

        @Test
        void coversThirtyDaysByDefault() {
            JsonNode report = admin.get("/api/v1/admin/daily").json();

            assertThat(report.get("days")).hasSize(30);
            assertThat(report.get("window").get("last").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC)
                    .toString());
        }
    }

    @Nested
    class Feedback {

        @Test
        void listsRecentFeedbackNewestFirstWithQuestionIntentAndComment() {
            List<JsonNode> feedback = list(admin.get("/api/v1/admin/feedback").json().get("feedback"));

            assertThat(feedback).extracting(f -> f.get("helpful").asBoolean()).containsExactly(false, true, true);
            JsonNode down = feedback.get(0);
            assertThat(down.get("question").asString()).isEqualTo(UNHCR);
            assertThat(down.get("intent").asString()).isEqualTo("unhcr");
            assertThat(down.get("comment").asString()).isEqualTo("It does not say where to apply");
            assertThat(feedback.get(1).get("comment").isNull()).isTrue();
        }

        @Test
        void filtersByVerdictAndLimits() {
            assertThat(list(admin.get("/api/v1/admin/feedback?helpful=false").json().get("feedback")))
                    .extracting(f -> f.get("intent").asString()).containsExactly("unhcr");
            assertThat(list(admin.get("/api/v1/admin/feedback?helpful=true&limit=1").json().get("feedback")))
                    .hasSize(1);
        }
    }

    @Nested
    class AdminPage {

        @ParameterizedTest
        @ValueSource(strings = {"/admin", "/admin/"})
        void servesThePageUnderAStrictContentSecurityPolicy(String path) {
            ApiClient.Response page = admin.get(path);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("<title>Parley admin").contains("src=\"/admin/admin.js\"");
            assertThat(page.contentSecurityPolicy()).contains("script-src 'self';").contains("style-src 'self';")
                    .doesNotContain("unsafe");
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"/api/v1/admin/unanswered", "/api/v1/admin/intent-stats", "/api/v1/admin/daily",
                "/api/v1/admin/feedback", "/admin", "/admin/", "/admin/admin.js"})
        void refusesRequestsWithoutCredentials(String path) {
            ApiClient.Response response = ApiClient.anonymous(port).get(path);

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.challenge()).startsWith("Basic");
        }

        @Test
        void refusesAWrongPassword() {
            assertThat(ApiClient.withCredentials(port, "admin", "not-the-password").get("/api/v1/admin/daily").status()).isEqualTo(401);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "366", "-1", "abc", "1.5", "30x", "99999999999", "7,8"})
        void rejectsADaysValueOutsideOneTo365(String days) {
            for (String endpoint : List.of("unanswered", "intent-stats", "daily", "feedback")) {
                ApiClient.Response response = admin.get("/api/v1/admin/" + endpoint + "?days=" + days);

                assertThat(response.status()).as(endpoint).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("parameter").asString()).isEqualTo("days");
                assertThat(response.json().get("detail").asString())
                        .isEqualTo("'days' must be a whole number from 1 to 365, was '" + days + "'");
            }
        }

        @Test
        void acceptsTheEdgesOfTheRange() {
            assertThat(admin.get("/api/v1/admin/daily?days=1").json().get("days")).hasSize(1);
            assertThat(admin.get("/api/v1/admin/daily?days=365").json().get("days")).hasSize(365);
        }

        @Test
        void rejectsAnUnknownSortVerdictOrLimit() {
            ApiClient.Response sort = admin.get("/api/v1/admin/intent-stats?sort=popular");
            assertThat(sort.status()).isEqualTo(400);
            assertThat(sort.json().get("detail").asString())
                    .isEqualTo("'sort' must be one of traffic, negative, was 'popular'");
            assertThat(admin.get("/api/v1/admin/feedback?helpful=maybe").status()).isEqualTo(400);
            assertThat(admin.get("/api/v1/admin/feedback?limit=0").status()).isEqualTo(400);
            assertThat(admin.get("/api/v1/admin/feedback?limit=501").status()).isEqualTo(400);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asString).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

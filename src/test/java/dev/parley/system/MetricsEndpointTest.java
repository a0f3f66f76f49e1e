package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import dev.parley.testing.PrometheusScrape;
import dev.parley.testing.RawHttp;
import tools.jackson.databind.JsonNode;

/** {@code /actuator/prometheus}: who may read it, and that the parley_ metrics count what the bot did. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsEndpointTest {

    private static final String REST = "{channel=\"rest\"}";
    private static final String CHAT = "{channel=\"websocket\"}";

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.anonymous(port);
    }

    @Nested
    class WhoMayRead {

        @Test
        void anAnonymousScrapeIsRefusedWithProblemDetailsAndABasicChallenge() {
            ApiClient.Response response = api.get("/actuator/prometheus");

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString())
                    .isEqualTo("Admin credentials are required (HTTP Basic).");
            assertThat(response.challenge()).startsWith("Basic ");
            assertThat(response.body()).doesNotContain("parley_");
        }

        @Test
        void aWrongPasswordIsRefused() {
            ApiClient.Response response = ApiClient.withCredentials(port, ApiClient.ADMIN, "not-it")
                    .get("/actuator/prometheus");

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("parley_");
        }

        @Test
        void theBuiltInPasswordScrapesOnlyOnThisMachine() {
            String builtIn = Base64.getEncoder().encodeToString(
                    (ApiClient.ADMIN + ":" + ApiClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

            RawHttp.Response response = RawHttp.get("/actuator/prometheus").header("Host", "parley.example.org")
                    .header("Authorization", "Basic " + builtIn).sendTo(port);

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.json().get("detail").asString()).contains("PARLEY_ADMIN_PASSWORD");
        }

        @Test
        void aPathBelowTheEndpointIsGuardedToo() {
            assertThat(api.get("/actuator/prometheus/").status()).isEqualTo(401);
        }

        @Test
        void theAdminGetsTheTextFormatWithTheParleyMetrics() {
            ApiClient.Response response = ApiClient.asAdmin(port).get("/actuator/prometheus");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith(PrometheusScrape.TEXT_FORMAT);
            assertThat(response.body()).contains("# TYPE parley_questions_total counter",
                    "# TYPE parley_question_duration_seconds histogram", "# TYPE parley_chats_open gauge");
        }

        @Test
        void healthAndInfoStayOpenToAnyone() {
            assertThat(api.get("/actuator/health").status()).isEqualTo(200);
            assertThat(api.get("/actuator/info").status()).isEqualTo(200);
        }
    }

    @Test
    void restQuestionsAreCountedByWhatTheBotDidWithThem() {
        PrometheusScrape before = PrometheusScrape.of(port);

        assertThat(api.replyTo("who can refer cases to the ICC?").get("intent").asString())
                .isEqualTo("icc-referral");
        assertThat(api.replyTo("what is the weather in Paris?").get("fallback").asBoolean()).isTrue();
        assertThat(api.replyTo("what do international organizations do").get("clarification").asBoolean())
                .isTrue();
        PrometheusScrape after = PrometheusScrape.of(port);

        assertThat(moved(before, after, "parley_questions_total" + REST)).isEqualTo(3);
        assertThat(moved(before, after, "parley_answers_total" + REST)).isEqualTo(1);
        assertThat(moved(before, after, "parley_fallbacks_total" + REST)).isEqualTo(1);
        assertThat(moved(before, after, "parley_clarifications_total" + REST)).isEqualTo(1);
        assertThat(moved(before, after, "parley_questions_total" + CHAT)).isZero();
        assertThat(moved(before, after, "parley_question_duration_seconds_count" + REST)).isEqualTo(3);
        assertThat(moved(before, after, "parley_classification_duration_seconds_count")).isEqualTo(3);
    }

    @Test
    void latenciesAreHistogramsWithBuckets() {
        api.replyTo("what does the UNHCR do?");
        PrometheusScrape scrape = PrometheusScrape.of(port);

        for (String bucket : new String[] {"0.001", "0.01", "0.1", "1.0", "10.0"}) {
            assertThat(scrape.find("parley_question_duration_seconds_bucket{channel=\"rest\",le=\"" + bucket + "\"}"))
                    .as("end-to-end bucket le=%s", bucket).isPresent();
            assertThat(scrape.find("parley_classification_duration_seconds_bucket{le=\"" + bucket + "\"}"))
                    .as("classification bucket le=%s", bucket).isPresent();
        }
        // every question falls in the last bucket, and none takes 10 s here
        double count = scrape.value("parley_question_duration_seconds_count" + REST);
        assertThat(count).isPositive();
        assertThat(scrape.value("parley_question_duration_seconds_bucket{channel=\"rest\",le=\"+Inf\"}"))
                .isEqualTo(count);
        assertThat(scrape.value("parley_question_duration_seconds_bucket{channel=\"rest\",le=\"10.0\"}"))
                .isEqualTo(count);
    }

    @Test
    void feedbackIsCountedUpAndDown() {
        String helpful = api.replyTo("what does the UNHCR do?").get("answerId").asString();
        String unhelpful = api.replyTo("who can refer cases to the ICC?").get("answerId").asString();
        PrometheusScrape before = PrometheusScrape.of(port);

        assertThat(api.feedback(helpful, true, null).status()).isEqualTo(204);
        assertThat(api.feedback(unhelpful, false, "not what I asked").status()).isEqualTo(204);
        assertThat(api.feedback("00000000-0000-0000-0000-000000000000", true, null).status())
                .as("feedback on no answer is not counted").isEqualTo(404);
        PrometheusScrape after = PrometheusScrape.of(port);

        assertThat(moved(before, after, "parley_feedback_total{verdict=\"up\"}")).isEqualTo(1);
        assertThat(moved(before, after, "parley_feedback_total{verdict=\"down\"}")).isEqualTo(1);
    }

    @Test
    void aReloadIsTimedAsATrainingAndTheIntentsInServiceAreShown() {
        PrometheusScrape before = PrometheusScrape.of(port);
        assertThat(before.value("parley_training_duration_seconds_count")).as("the start-up's").isPositive();

        ApiClient.Response reload = ApiClient.asAdmin(port).reload();
        PrometheusScrape after = PrometheusScrape.of(port);

        assertThat(reload.status()).isEqualTo(200);
        JsonNode summary = reload.json();
        assertThat(moved(before, after, "parley_training_duration_seconds_count")).isEqualTo(1);
        assertThat(after.value("parley_intents")).isEqualTo(summary.get("intents").asDouble());
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String series) {
        return after.value(series) - before.value(series);
    }
}

package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntentApiTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.anonymous(port);
    }

    @Test
    void listsEveryContentIntentButNoSmallTalk() {
        JsonNode intents = api.get("/api/v1/intents").json();

        assertThat(intents.size()).isBetween(35, 50);
        assertThat(intents.valueStream().map(i -> i.get("id").asString()))
                .contains("icc-referral", "unhcr", "global-compact").doesNotContain("greeting", "help")
                .isSorted();
        JsonNode first = intents.get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "question", "answer", "tags");
    }

    @Test
    void returnsOneIntent() {
        JsonNode intent = api.get("/api/v1/intents/icc-referral").json();

        assertThat(intent.get("question").asString()).isEqualTo("Who can refer cases to the International Criminal Court?");
        assertThat(intent.get("answer").asString()).contains("state party");
    }

    @Test
    void unknownIntentIsA404Problem() {
        ApiClient.Response response = api.get("/api/v1/intents/no-such-intent");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo("No intent with the id 'no-such-intent'.");
    }

    @Test
    void smallTalkIsNotAnFaqEntry() {
        assertThat(api.get("/api/v1/intents/greeting").status()).isEqualTo(404);
    }

    @Test
    void healthIsUp() {
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theApiIsDocumentedAsOpenApi() {
        JsonNode spec = api.get("/v3/api-docs").json();

        assertThat(spec.get("info").get("title").asString()).isEqualTo("Parley bot API");
        assertThat(spec.get("paths").propertyNames()).contains("/api/v1/ask", "/api/v1/intents",
                "/api/v1/intents/{id}");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theReplysContactIsDocumentedWithItsLabelAndLink() {
        JsonNode schemas = api.get("/v3/api-docs").json().get("components").get("schemas");

        assertThat(schemas.get("BotReply").get("properties").propertyNames()).contains("contact");
        assertThat(schemas.get("Contact").get("properties").propertyNames()).containsExactlyInAnyOrder("label", "url");
        assertThat(schemas.get("Contact").get("properties").get("url").get("example").asString())
                .isEqualTo("mailto:help@example.org");
    }
}

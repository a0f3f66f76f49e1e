package dev.parley.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SparseKnowledgeApp;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/admin/knowledge}: the intents with fewer phrasings than recommended, fewest first, from the
 * model in service (it follows a reload), and none of the well-phrased ones. Too few loads and is reported; it is
 * never refused.
 */
class KnowledgeReportApiTest extends SparseKnowledgeApp {

    private static final String PATH = "/api/v1/admin/knowledge";

    @Test
    void listsTheSparselyPhrasedIntentsFewestFirstAndNoWellPhrasedOne() {
        ApiClient.Response response = ApiClient.asAdmin(port).get(PATH);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode report = response.json();
        assertThat(report.get("intents").asInt()).isEqualTo(INTENTS);
        assertThat(report.get("recommendedPhrasings").asInt()).isEqualTo(5);
        assertThat(sparse(report)).containsExactly(UNPHRASED + " | " + UNPHRASED_QUESTION + " | 1",
                THIN + " | " + THIN_QUESTION + " | 3");
    }

    @Test
    void anIntentIsAnsweredWithItsQuestionAlone() {
        assertThat(ApiClient.anonymous(port).intentFor(UNPHRASED_QUESTION)).isEqualTo(UNPHRASED);
    }

    @Test
    void followsTheModelInServiceThroughAReload() {
        // Four examples and the question are five phrasings: the recommended number, no longer too few.
        reloadWith(UNPHRASED, unphrasedWith("what do human rights ngos do", "role of amnesty international",
                "what does human rights watch do", "how do non-governmental organizations help"));

        JsonNode report = ApiClient.asAdmin(port).get(PATH).json();

        assertThat(report.get("intents").asInt()).isEqualTo(INTENTS);
        assertThat(sparse(report)).containsExactly(THIN + " | " + THIN_QUESTION + " | 3");

        reloadWithout(THIN);
        JsonNode none = ApiClient.asAdmin(port).get(PATH).json();

        assertThat(none.get("intents").asInt()).isEqualTo(INTENTS - 1);
        assertThat(none.get("sparselyPhrased").isArray()).isTrue();
        assertThat(none.get("sparselyPhrased").isEmpty()).isTrue();
    }

    @Test
    void refusesWithoutTheAdminsCredentialsAsProblemDetails() {
        for (ApiClient client : List.of(ApiClient.anonymous(port),
                ApiClient.withCredentials(port, ApiClient.ADMIN, "wrong"))) {
            ApiClient.Response response = client.get(PATH);

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(401);
            assertThat(response.challenge()).startsWith("Basic");
            assertThat(response.body()).doesNotContain(UNPHRASED_QUESTION);
        }
    }

    private static List<String> sparse(JsonNode report) {
        List<String> intents = new ArrayList<>();
        report.get("sparselyPhrased").forEach(intent -> intents.add(intent.get("id").asString() + " | "
                + intent.get("question").asString() + " | " + intent.get("phrasings").asInt()));
        return intents;
    }
}

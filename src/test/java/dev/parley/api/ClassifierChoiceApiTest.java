package dev.parley.api;

import static dev.parley.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The server serves whichever classifier {@code parley.nlu.classifier} names, each with its own calibration and
 * fallback thresholds from application.yml, and answers over real HTTP with it.
 */
class ClassifierChoiceApiTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "parley.nlu.classifier=maxent")
    class Maxent extends ServedClassifier {
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "parley.nlu.classifier=encoder")
    class Encoder extends ServedClassifier {
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "parley.nlu.classifier=hybrid")
    class Hybrid extends ServedClassifier {
    }

    abstract static class ServedClassifier {

        @LocalServerPort
        int port;

        @Test
        void answersAnInScopeQuestionWithItsIntent() {
            JsonNode reply = ApiClient.anonymous(port).ask(body("question", "who can refer cases to the ICC?")).json();

            assertThat(reply.get("fallback").asBoolean()).isFalse();
            assertThat(reply.get("intent").asString()).isEqualTo("icc-referral");
            assertThat(reply.get("answer").asString()).contains("UN Security Council");
            assertThat(reply.get("confidence").asDouble()).isBetween(0.5, 1.0);
        }

        @Test
        void answersAnotherIntent() {
            JsonNode reply = ApiClient.anonymous(port).ask(body("question", "what does the UNHCR do?")).json();

            assertThat(reply.get("intent").asString()).isEqualTo("unhcr");
        }

        @Test
        void fallsBackOnAQuestionOutsideTheKnowledge() {
            JsonNode reply = ApiClient.anonymous(port).ask(body("question", "what is the weather in Paris?")).json();

            assertThat(reply.get("fallback").asBoolean()).isTrue();
            assertThat(reply.get("intent").isNull()).isTrue();
            assertThat(reply.get("suggestions")).hasSize(3);
        }
    }
}

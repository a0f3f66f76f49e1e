package dev.parley.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/** A site that keeps no question text: nothing to group, and the report says why instead of looking empty. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.history.store-question-text=false")
class ReviewWithoutQuestionTextTest {

    @LocalServerPort
    int port;

    @Test
    void returnsNoGroupsAndSaysWhy() {
        var admin = ApiClient.asAdmin(port);
        // Counted from before the question: QuestionTextSwitchTest shares this application context and its database.
        JsonNode before = today(admin);
        assertThat(admin.replyTo("what is the weather in Paris?").get("fallback").asBoolean()).isTrue();

        JsonNode report = admin.get("/api/v1/admin/unanswered").json();

        assertThat(report.get("questionTextStored").asBoolean()).isFalse();
        assertThat(report.get("groups")).isEmpty();
        assertThat(report.get("reason").asString()).isEqualTo("Question text is not stored "
                + "(parley.history.store-question-text is false), so there are no questions to group.");
        JsonNode after = today(admin);
        assertThat(after.get("questions").asLong()).isEqualTo(before.get("questions").asLong() + 1);
        assertThat(after.get("fallbacks").asLong()).isEqualTo(before.get("fallbacks").asLong() + 1);
    }

    private static JsonNode today(ApiClient admin) {
        return admin.get("/api/v1/admin/daily?days=1").json().get("days").get(0);
    }
}

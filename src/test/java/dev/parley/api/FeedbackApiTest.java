package dev.parley.api;

import static dev.parley.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.conversation.AnswerFeedback;
import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedbackApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient database;
    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.anonymous(port);
    }

    @Test
    void keepsAThumbDownWithItsComment() {
        String answerId = answerIdOf("who can refer cases to the ICC?");

        ApiClient.Response response = feedback(answerId, "{\"helpful\": false, \"comment\": \"Too short.\"}");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(storedFeedback(answerId)).containsEntry("helpful", false).containsEntry("comment", "Too short.");
    }

    @Test
    void aSecondVerdictReplacesTheFirst() {
        String answerId = answerIdOf("what does the UNHCR do?");
        feedback(answerId, "{\"helpful\": false, \"comment\": \"Not what I asked.\"}");

        assertThat(feedback(answerId, "{\"helpful\": true}").status()).isEqualTo(204);

        assertThat(database.sql("select count(*) from feedback where answer_id = ?").param(answerId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(storedFeedback(answerId)).containsEntry("helpful", true).containsEntry("comment", null);
    }

    @Test
    void aBlankCommentIsNoComment() {
        String answerId = answerIdOf("hello");

        feedback(answerId, "{\"helpful\": true, \"comment\": \"  \"}");

        assertThat(storedFeedback(answerId)).containsEntry("comment", null);
    }

    @Test
    void aCommentOfExactlyTheLimitIsKeptEvenInEmoji() {
        String answerId = answerIdOf("what does the UNHCR do?");
        String comment = "🙂".repeat(AnswerFeedback.MAX_COMMENT_LENGTH);

        assertThat(feedback(answerId, body("comment", comment).replace("{", "{\"helpful\":true,")).status())
                .isEqualTo(204);
        assertThat(storedFeedback(answerId)).containsEntry("comment", comment);
    }

    @Test
    void theAnswerIdMayComeInUpperCase() {
        String answerId = answerIdOf("who can refer cases to the ICC?");

        assertThat(feedback(answerId.toUpperCase(), "{\"helpful\": true}").status()).isEqualTo(204);
        assertThat(storedFeedback(answerId)).containsEntry("helpful", true);
    }

    @Test
    void isDocumentedInTheOpenApiDescription() {
        JsonNode operation = api.get("/v3/api-docs").json().get("paths").get("/api/v1/answers/{id}/feedback")
                .get("post");

        assertThat(operation.get("responses").propertyNames()).contains("204", "400", "404");
        assertThat(operation.get("requestBody").toString()).contains("FeedbackRequest");
    }

    private String answerIdOf(String question) {
        return api.ask(body("question", question)).json().get("answerId").asString();
    }

    private ApiClient.Response feedback(String answerId, String json) {
        return api.post("/api/v1/answers/" + answerId + "/feedback", "application/json", json);
    }

    private Map<String, Object> storedFeedback(String answerId) {
        return database.sql("select helpful, comment from feedback where answer_id = ?").param(answerId)
                .query().singleRow();
    }

    @Nested
    class BadFeedbackGetsProblemDetails {

        @Test
        void anUnknownAnswer() {
            ApiClient.Response response = feedback("0f8b7c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f", "{\"helpful\": true}");

            assertProblem(response, 404, "No answer with id '0f8b7c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f'");
            assertThat(response.json().get("answerId").asString()).isEqualTo("0f8b7c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f");
        }

        @Test
        void missingHelpful() {
            assertProblem(feedback(answerIdOf("hello"), "{\"comment\": \"nice\"}"), 400,
                    "'helpful' must be true or false");
        }

        @Test
        void nullHelpful() {
            assertProblem(feedback(answerIdOf("hello"), "{\"helpful\": null}"), 400, "'helpful' must be true or false");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"true\"", "\"yes\"", "1", "0", "1.0", "[true]", "{\"value\": true}"})
        void helpfulThatIsNotABoolean(String helpful) {
            ApiClient.Response response = feedback(answerIdOf("hello"), "{\"helpful\": " + helpful + "}");

            assertProblem(response, 400, "not valid JSON");
            assertThat(response.json().get("detail").asString()).contains("{\"helpful\": false")
                    .doesNotContain("question");
        }

        @Test
        void aCommentOverTheLimit() {
            String comment = "a".repeat(AnswerFeedback.MAX_COMMENT_LENGTH + 1);

            assertProblem(feedback(answerIdOf("hello"), body("comment", comment).replace("{", "{\"helpful\":true,")),
                    400, "'comment' must be at most 1000 characters long");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\ud800", "\\udfff", "\\ud83d"})
        void aCommentWithHalfASurrogatePair(String escape) {
            // Kept, it was exported as '?': a JSON escape can carry text that no encoding can write.
            String body = "{\"helpful\": false, \"comment\": \"bad " + escape + " answer\"}";

            assertProblem(feedback(answerIdOf("hello"), body), 400, "'comment' must be well-formed Unicode text");
        }

        @Test
        void aCommentWithANoncharacterOrAControlCharacter() {
            assertProblem(feedback(answerIdOf("hello"), withComment("bad\uFFFE")), 400,
                    "'comment' must not hold U+FFFE, a Unicode noncharacter");
            assertProblem(feedback(answerIdOf("hello"), withComment("bad\u0000")), 400,
                    "'comment' must not hold control characters other than tab and line breaks");
        }

        @Test
        void aCommentThatIsNotValidUtf8() {
            byte[] body = "{\"helpful\": false, \"comment\": \"x\u0000\"}".replace("\u0000", "\u00C0\u00AF")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

            assertProblem(api.post("/api/v1/answers/" + answerIdOf("hello") + "/feedback", "application/json", body),
                    400, "The body is not valid UTF-8.");
        }

        @Test
        void aNumberAsComment() {
            assertProblem(feedback(answerIdOf("hello"), "{\"helpful\": true, \"comment\": 5}"), 400, "not valid JSON");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not-an-id", "1-1-1-1-1", "0f8b7c1e2d3a4b5c8d9e0a1b2c3d4e5f",
                "0f8b7c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f0", "%20", "'%20or%201=1"})
        void aMalformedAnswerId(String id) {
            assertProblem(feedback(id, "{\"helpful\": true}"), 400, "'id' must be an answer id");
        }

        @Test
        void malformedJson() {
            assertProblem(feedback(answerIdOf("hello"), "{\"helpful\": tru"), 400, "not valid JSON");
        }

        @Test
        void anEmptyBody() {
            assertProblem(feedback(answerIdOf("hello"), ""), 400, "missing");
        }

        @Test
        void wrongContentType() {
            assertProblem(api.post("/api/v1/answers/" + answerIdOf("hello") + "/feedback", "text/plain", "yes"), 415,
                    "text/plain");
        }

        @Test
        void wrongMethod() {
            assertThat(api.get("/api/v1/answers/" + answerIdOf("hello") + "/feedback").status()).isEqualTo(405);
        }

        private static String withComment(String comment) {
            return body("comment", comment).replace("{", "{\"helpful\":true,");
        }

        private void assertProblem(ApiClient.Response response, int status, String detail) {
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).contains(detail);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}

package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.system.RequestSizeLimitFilter;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ChunkedPost;
import tools.jackson.databind.JsonNode;

/**
 * The body limit counts the bytes actually read, so a body that declares no length (chunked) is held to it too.
 * The requests go out chunked over a plain socket, generated as they are sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RequestSizeLimitTest {

    private static final long FIFTY_MB = 50_000_000;
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String PADDED_ASK = "{\"question\":\"who can refer cases to the ICC?\",\"padding\":\"";

    @LocalServerPort
    int port;

    @Test
    void refusesAFiftyMegabyteChunkedAskWithoutReadingIt(CapturedOutput output) {
        ChunkedPost.Response response = ChunkedPost.send(port, "POST", "/api/v1/ask", JSON,
                ChunkedPost.padded(PADDED_ASK, FIFTY_MB, "\"}"));

        assertTooLarge(response, RequestSizeLimitFilter.MAX_BODY_BYTES);
        // Answered while most of the body was still to come, and the rest was never taken.
        assertThat(response.bodyBytesSentBeforeAnswer()).isLessThan(FIFTY_MB / 2);
        assertThat(response.wholeBodySent()).isFalse();
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    @Test
    void answersAChunkedAskWithinTheLimit() {
        ChunkedPost.Response response = ChunkedPost.send(port, "POST", "/api/v1/ask", JSON, utf8(
                ApiClient.body("question", "who can refer cases to the ICC?")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.wholeBodySent()).isTrue();
        assertThat(ApiClient.JSON.readTree(response.body()).get("intent").asString()).isEqualTo("icc-referral");
    }

    @Test
    void countsTheLimitToTheByte() {
        long limit = RequestSizeLimitFilter.MAX_BODY_BYTES;

        ChunkedPost.Response atTheLimit = ChunkedPost.send(port, "POST", "/api/v1/ask", JSON,
                ChunkedPost.padded(PADDED_ASK, limit, "\"}"));
        ChunkedPost.Response oneByteOver = ChunkedPost.send(port, "POST", "/api/v1/ask", JSON,
                ChunkedPost.padded(PADDED_ASK, limit + 1, "\"}"));

        assertThat(atTheLimit.status()).isEqualTo(200);
        assertTooLarge(oneByteOver, limit);
    }

    @Test
    void refusesAChunkedFeedbackBodyOverTheLimit() {
        ChunkedPost.Response response = ChunkedPost.send(port, "POST",
                "/api/v1/answers/00000000-0000-0000-0000-000000000000/feedback", JSON,
                ChunkedPost.padded("{\"helpful\":false,\"comment\":\"", FIFTY_MB, "\"}"));

        assertTooLarge(response, RequestSizeLimitFilter.MAX_BODY_BYTES);
        assertThat(response.wholeBodySent()).isFalse();
    }

    @Test
    void refusesAChunkedFormBodyOnAnyPathBeforeAFilterReadsItAll() {
        // Spring's FormContentFilter reads the form body of every PUT, on any path, before any controller is found.
        ChunkedPost.Response response = ChunkedPost.send(port, "PUT", "/api/v1/intents",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), ChunkedPost.padded("a=", FIFTY_MB, ""));

        assertTooLarge(response, RequestSizeLimitFilter.MAX_BODY_BYTES);
        assertThat(response.wholeBodySent()).isFalse();
    }

    @Test
    void parsesNoMultipartBody() {
        // No endpoint takes uploads: a multipart body is refused for its type, not read into parts and files first.
        ChunkedPost.Response response = ChunkedPost.send(port, "POST", "/api/v1/ask",
                Map.of("Content-Type", "multipart/form-data; boundary=b"), ChunkedPost.padded(
                        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n",
                        FIFTY_MB, "\r\n--b--\r\n"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.wholeBodySent()).isFalse();
    }

    private static void assertTooLarge(ChunkedPost.Response response, long limit) {
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("Connection")).isEqualTo("close");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        JsonNode problem = ApiClient.JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asString()).isEqualTo("Request too large");
        assertThat(problem.get("detail").asString()).isEqualTo("The request body is larger than " + limit + " bytes.");
        assertThat(response.body()).doesNotContain("Exception");
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

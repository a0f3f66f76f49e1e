package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.RawHttp;
import tools.jackson.databind.JsonNode;

/**
 * Requests the servlet container refuses before any of our code runs are answered, on every path, with problem
 * details like every other error: never Tomcat's HTML error page. Sent as raw bytes, since no HTTP client would send
 * most of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerRejectionTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/ask%00", "/api/v1/ask%2f", "/api/v1/ask%5c", "/api/v1\\ask", "/%00",
            "/widget.js%5c", "/..%2f..%2fetc/passwd", "/api/v1/intents/%c0%af"})
    void aPathTheContainerRefusesIsABadRequestProblem(String path) {
        var response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertProblem(response, 400);
    }

    /** The container's own answer, pinned whole: its headers and body are what every other problem looks like. */
    @Test
    void theContainersAnswerIsExactlyThisProblem() {
        var response = send("GET /api/v1/ask%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(response.body()).isEqualTo("{\"detail\":\"The request is not valid HTTP as this server accepts it: "
                + "check the path (no encoded '/', '\\\\' or NUL, no raw '\\\\'), the length of the URL, the size and "
                + "number of the headers, and Content-Length.\",\"status\":400,\"title\":\"Bad Request\"}");
        assertThat(response.headers().keySet().stream().map(String::toLowerCase).sorted().toList())
                .containsExactly("cache-control", "connection", "content-length", "content-type", "date",
                        "x-content-type-options");
    }

    @Test
    void anEightKilobyteUrlIsAProblem() {
        var response = send("GET /api/v1/intents?q=" + "a".repeat(8 * 1024)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertProblem(response, 400);
    }

    @Test
    void aHundredKilobyteHeaderIsAProblem() {
        var response = send("GET /api/v1/intents HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(100 * 1024)
                + "\r\nConnection: close\r\n\r\n");

        assertProblem(response, 400);
    }

    @Test
    void twoHundredHeadersAreAProblem() {
        String headers = IntStream.range(0, 200).mapToObj(i -> "X-Header-" + i + ": " + i + "\r\n")
                .collect(Collectors.joining());
        var response = send("GET /api/v1/intents HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Connection: close\r\n\r\n");

        assertProblem(response, 400);
    }

    @Test
    void aNegativeContentLengthIsABadRequestProblem() {
        var response = send("POST /api/v1/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: -1\r\nConnection: close\r\n\r\n{\"question\":\"hi\"}");

        assertProblem(response, 400);
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        var response = send("GET /api/v1/nothing-here HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertProblem(response, 404);
    }

    private RawHttp.Response send(String request) {
        return RawHttp.sendBytes(port, request);
    }

    private static void assertProblem(RawHttp.Response response, Integer... statuses) {
        assertThat(response.status()).as(response.body()).isIn((Object[]) statuses);
        assertThat(response.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.header("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control").orElse("")).isEqualTo("no-store");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at org.", "Tomcat", "<html");
    }
}

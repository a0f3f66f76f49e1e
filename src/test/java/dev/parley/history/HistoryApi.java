package dev.parley.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's HTTP API as a client program sees it: asking, feedback, and the admin's CSV export. */
final class HistoryApi {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "parley";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HistoryApi(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The bot's reply to a question in a session. */
    JsonNode ask(String question, String sessionId) {
        HttpResponse<String> response = askRaw(question, sessionId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ask answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Asks, whatever the answer's status. */
    HttpResponse<String> askRaw(String question, String sessionId) {
        var body = JSON.createObjectNode().put("question", question).put("sessionId", sessionId);
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ask"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Sends a verdict; returns the status. */
    int feedback(String answerId, boolean helpful, String comment) {
        var body = JSON.createObjectNode().put("helpful", helpful).put("comment", comment);
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/answers/" + answerId + "/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))).statusCode();
    }

    /** The CSV export with the admin's credentials; {@code query} is e.g. "?from=2026-01-01" or "". */
    HttpResponse<String> exportCsv(String query) {
        return exportCsv(query, ADMIN, ADMIN_PASSWORD);
    }

    HttpResponse<String> exportCsv(String query, String user, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/exchanges.csv" + query))
                .header("Authorization", "Basic " + credentials).GET());
    }

    /** Erases a session with the admin's credentials. */
    HttpResponse<String> eraseSession(String sessionId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/sessions/" + sessionId))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).DELETE());
    }

    HttpResponse<String> eraseSessionWithoutCredentials(String sessionId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/sessions/" + sessionId)).DELETE());
    }

    HttpResponse<String> exportCsvWithoutCredentials() {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/exchanges.csv")).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.parley.review;

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

/** Plain HTTP against the running server, as the admin (HTTP Basic) or as anyone; what curl would do. */
final class AdminClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String USER = "admin";
    static final String PASSWORD = "parley";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    AdminClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A GET with the admin's credentials. */
    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization",
                basic(USER, PASSWORD)));
    }

    /** A GET with no credentials at all. */
    Response anonymousGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with the given credentials. */
    Response get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization",
                basic(user, password)));
    }

    /** Asks the bot a question through the public REST API and returns its reply. */
    JsonNode ask(String question) {
        var body = JSON.createObjectNode().put("question", question).toString();
        Response response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        if (response.status() != 200) {
            throw new IllegalStateException("asking '" + question + "' got " + response.status() + ": "
                    + response.body());
        }
        return response.json();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""),
                    response.headers().firstValue("Content-Security-Policy").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, String challenge, String contentSecurityPolicy, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}

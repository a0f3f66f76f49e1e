package dev.parley.admin;

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

/**
 * Plain HTTP against the running server, as the admin (HTTP Basic), with other credentials, or as anyone; what curl
 * would do. Shared by the tests of every admin feature (review, curation, the API documentation).
 */
public final class AdminClient {

    /** The credentials of application.yml, as the README's curl examples use them. */
    public static final String USER = "admin";
    public static final String PASSWORD = "parley";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    private AdminClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** Signs in as the admin of application.yml. */
    public static AdminClient asAdmin(int port) {
        return withCredentials(port, USER, PASSWORD);
    }

    public static AdminClient withCredentials(int port, String user, String password) {
        return new AdminClient(port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends no credentials at all. */
    public static AdminClient anonymous(int port) {
        return new AdminClient(port, null);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response reload() {
        return post("/api/v1/admin/reload", "");
    }

    public Response propose(String intent, String... examples) {
        var body = JSON.createObjectNode().put("intent", intent);
        var list = body.putArray("examples");
        for (String example : examples) {
            list.add(example);
        }
        return post("/api/v1/admin/proposals", body.toString());
    }

    /** Asks the bot through the public REST API, which needs no credentials, and returns its reply. */
    public JsonNode ask(String question) {
        Response reply = post("/api/v1/ask", JSON.createObjectNode().put("question", question).toString());
        if (reply.status() != 200) {
            throw new AssertionError("asking '" + question + "' got " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** The intent the bot answered a question with, or null for a fallback. */
    public String intentFor(String question) {
        JsonNode intent = ask(question).get("intent");
        return intent.isNull() ? null : intent.asString();
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
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

    /** What came back; {@code challenge} and {@code contentSecurityPolicy} are "" when the header is absent. */
    public record Response(int status, String contentType, String challenge, String contentSecurityPolicy,
            String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}

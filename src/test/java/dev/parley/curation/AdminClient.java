package dev.parley.curation;

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

/** Plain HTTP against the running server, as the admin (HTTP Basic) or as anyone. */
final class AdminClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    private AdminClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** Signs in with the credentials of application.yml, as the README's curl examples do. */
    static AdminClient asAdmin(int port) {
        return withCredentials(port, "admin", "parley");
    }

    static AdminClient withCredentials(int port, String user, String password) {
        return new AdminClient(port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static AdminClient anonymous(int port) {
        return new AdminClient(port, null);
    }

    Response reload() {
        return post("/api/v1/admin/reload", "");
    }

    Response propose(String intent, String... examples) {
        var body = JSON.createObjectNode().put("intent", intent);
        var list = body.putArray("examples");
        for (String example : examples) {
            list.add(example);
        }
        return post("/api/v1/admin/proposals", body.toString());
    }

    /** Asks the bot, which needs no credentials; the intent it answered with, or null for a fallback. */
    String intentFor(String question) {
        Response reply = post("/api/v1/ask", JSON.createObjectNode().put("question", question).toString());
        if (reply.status() != 200) {
            throw new AssertionError("asking '" + question + "' got " + reply.status() + ": " + reply.body());
        }
        JsonNode intent = reply.json().get("intent");
        return intent.isNull() ? null : intent.asString();
    }

    Response post(String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}

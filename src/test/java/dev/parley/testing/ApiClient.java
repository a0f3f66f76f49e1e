package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of the tests: plain HTTP against the running server, as any program in any language would
 * send it (what curl would do), anonymous, as the admin (HTTP Basic) or with other credentials. Requests with bytes
 * no HTTP client sends (a broken request line, a body that stalls) go through {@link RawHttp} instead.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** The admin's credentials in application.yml, as the README's curl examples use them. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "parley";

    // A bound for a hung server, not a timing claim: a reload retrains, which takes a while on a busy machine.
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    // Never through a proxy: the server is on this machine, and a test may give the server's JVM dead proxies.
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Optional<String> authorization;

    private ApiClient(int port, Optional<String> authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** Sends no credentials, as a visitor's program does. */
    public static ApiClient anonymous(int port) {
        return new ApiClient(port, Optional.empty());
    }

    /** Signs every request in as the admin of application.yml. */
    public static ApiClient asAdmin(int port) {
        return withCredentials(port, ADMIN, ADMIN_PASSWORD);
    }

    public static ApiClient withCredentials(int port, String user, String password) {
        return new ApiClient(port, Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** POSTs a JSON body. */
    public Response post(String path, String json) {
        return post(path, "application/json", json);
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Sends exactly these bytes as the body, for bodies no string could produce (malformed UTF-8). */
    public Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request to a path of the server, for what the methods above do not cover; send it with {@link #send}. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    /** Sends a request, with this client's credentials. */
    public Response send(HttpRequest.Builder request) {
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a body that is not text (an archive) as its bytes, with this client's credentials; any status. */
    public HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder request = request(path).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- The API's requests -------------------------------------------------------------------------------------

    /** {@code POST /api/v1/ask} with this JSON body, whatever the answer. */
    public Response ask(String json) {
        return post("/api/v1/ask", json);
    }

    /** The bot's reply to a question; anything but a 200 fails the test. */
    public JsonNode replyTo(String question) {
        return replyTo(question, null);
    }

    /** The bot's reply to a question in a session (none when null); anything but a 200 fails the test. */
    public JsonNode replyTo(String question, String sessionId) {
        var body = JSON.createObjectNode().put("question", question);
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        Response reply = ask(body.toString());
        if (reply.status() != 200) {
            throw new AssertionError("asking '" + question + "' got " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** The intent the bot answered a question with, or null for a fallback. */
    public String intentFor(String question) {
        JsonNode intent = replyTo(question).get("intent");
        return intent.isNull() ? null : intent.asString();
    }

    /** A verdict on an answer, with a comment unless it is null. */
    public Response feedback(String answerId, boolean helpful, String comment) {
        var body = JSON.createObjectNode().put("helpful", helpful).put("comment", comment);
        return post("/api/v1/answers/" + answerId + "/feedback", body.toString());
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

    /** The CSV export of the exchanges; {@code query} is e.g. "?from=2026-01-01" or "". */
    public Response exportCsv(String query) {
        return get("/api/v1/admin/exchanges.csv" + query);
    }

    public Response eraseSession(String sessionId) {
        return delete("/api/v1/admin/sessions/" + sessionId);
    }

    /** Builds a JSON object body with proper escaping, e.g. {@code body("question", "hi")}. */
    public static String body(String... keysAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return node.toString();
    }

    /** What came back. */
    public record Response(int status, HttpHeaders headers, String body) {

        /** The Content-Type, "" when there is none. */
        public String contentType() {
            return header("Content-Type");
        }

        /** The WWW-Authenticate challenge, "" when there is none. */
        public String challenge() {
            return header("WWW-Authenticate");
        }

        /** The Content-Security-Policy, "" when there is none. */
        public String contentSecurityPolicy() {
            return header("Content-Security-Policy");
        }

        /** A header's first value, "" when there is none. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}

package dev.parley.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK WebSocket client speaking the chat protocol, for tests. */
final class ChatClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private ChatClient(URI uri, String header, String value) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (header != null) {
            builder.header(header, value);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    private ChatClient(URI uri, String origin) {
        this(uri, origin == null ? null : "Origin", origin);
    }

    /** Connects through a trusted proxy (the test's own address) for the client at {@code address}. */
    static ChatClient connectForwardedFor(int port, String address) {
        return new ChatClient(uri(port, ""), "X-Forwarded-For", address);
    }

    static ChatClient connect(int port, String query) {
        return new ChatClient(uri(port, query), null);
    }

    static ChatClient connectFrom(int port, String origin) {
        return new ChatClient(uri(port, ""), origin);
    }

    static URI uri(int port, String query) {
        return URI.create("ws://localhost:" + port + ChatConfiguration.PATH + query);
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** Sends one text message as several frames (a first frame and continuations), as a client may. */
    void sendInFrames(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).join();
        }
    }

    /** Sends each part as a frame of one text message that never ends (no last frame). */
    void sendUnfinished(String... parts) {
        for (String part : parts) {
            socket.sendText(part, false).join();
        }
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    void ask(String id, String text) {
        var node = JSON.createObjectNode().put("type", "ask").put("id", id).put("text", text);
        send(node.toString());
    }

    /** Asks, and gives the id of the answer that comes back (what feedback names). */
    String answerIdFor(String id, String text) {
        ask(id, text);
        return next("answer").get("answerId").asString();
    }

    /** The next frame from the server; fails the test if none comes within a few seconds. */
    JsonNode next() {
        try {
            JsonNode frame = received.poll(10, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame from the server within 10 s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame of the given type, skipping others (e.g. typing). */
    JsonNode next(String type) {
        JsonNode frame = next();
        while (!frame.get("type").asString().equals(type)) {
            frame = next();
        }
        return frame;
    }

    /** The close code, once the server has closed the connection. */
    int closeCode() {
        return closed.orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Whether the connection ended, by a close frame or by the connection breaking, within {@code timeout}. */
    boolean endsWithin(Duration timeout) {
        try {
            closed.handle((code, error) -> true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}

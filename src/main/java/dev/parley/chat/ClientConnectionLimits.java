package dev.parley.chat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;

import dev.parley.system.BucketStores;
import dev.parley.system.ClientAddress;
import dev.parley.system.ClientBuckets;
import dev.parley.system.ProblemResponses;
import dev.parley.system.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The chat's limits per client address ({@link ClientAddress}), checked at the handshake: how many connections one
 * address may open per minute, and how many it may hold open at once. A refused handshake gets a 429 problem
 * (with {@code Retry-After} when the wait is known) and no connection. A connection holds its slot from its
 * handshake until it closes; a handshake that fails or is refused later (by the origin check) gives it back.
 *
 * <p>The handshakes per minute are counted in the {@link BucketStores}, so with PostgreSQL across all instances. The
 * connections open at once are counted per instance: a connection lives on one instance, and counting them across
 * instances would need a lease per connection that outlives a crashed instance, which bucket4j does not keep.
 */
final class ClientConnectionLimits implements HandshakeInterceptor {

    private static final String SLOT = ClientConnectionLimits.class.getName() + ".slot";
    /** The handshake attribute that holds the connection's client, as {@link ClientAddress#limitKey()}. */
    static final String CLIENT = ClientConnectionLimits.class.getName() + ".client";

    private final ClientBuckets handshakes;
    private final int maxOpen;
    private final ProblemResponses problems;
    // A client with no open connection has no entry, so the map never outgrows the connections themselves.
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    ClientConnectionLimits(ChatProperties settings, ProblemResponses problems, BucketStores stores) {
        this.handshakes = ClientBuckets.perMinute(stores, "chat-handshake", settings.handshakesPerMinute(),
                settings.handshakesPerMinute());
        this.maxOpen = settings.maxConnectionsPerClient();
        this.problems = problems;
    }

    /** The handler, giving each connection's slot back when it closes. */
    WebSocketHandler releasingSlotsOf(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                try {
                    super.afterConnectionClosed(session, status);
                } finally {
                    if (session.getAttributes().get(SLOT) instanceof Slot slot) {
                        slot.release();
                    }
                }
            }
        };
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) throws IOException {
        if (!(request instanceof ServletServerHttpRequest servletRequest)
                || !(response instanceof ServletServerHttpResponse servletResponse)) {
            return true;
        }
        HttpServletRequest http = servletRequest.getServletRequest();
        String client = ClientAddress.of(http).limitKey();
        // The connection's messages draw on the client's allowance (QuestionAllowance), shared with REST.
        attributes.put(CLIENT, client);
        var take = handshakes.take(client);
        if (!take.taken()) {
            TooManyRequests.send(problems, http, servletResponse.getServletResponse(), take.retryAfter(),
                    "Too many chat connections opened from your address");
            return false;
        }
        if (maxOpen > 0) {
            Slot slot = reserve(client);
            if (slot == null) {
                TooManyRequests.send(problems, http, servletResponse.getServletResponse(), null,
                        "Too many chat connections are open from your address (at most " + maxOpen
                                + "); close one and try again.");
                return false;
            }
            attributes.put(SLOT, slot);
            http.setAttribute(SLOT, slot);
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        if (request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse
                && servletRequest.getServletRequest().getAttribute(SLOT) instanceof Slot slot
                && servletResponse.getServletResponse().getStatus() != HttpStatus.SWITCHING_PROTOCOLS.value()) {
            slot.release();
        }
    }

    /** A slot for one more open connection of this client, or null when it holds all it may. */
    private Slot reserve(String client) {
        var granted = new AtomicBoolean();
        open.compute(client, (key, count) -> {
            int held = count == null ? 0 : count;
            if (held >= maxOpen) {
                return count;
            }
            granted.set(true);
            return held + 1;
        });
        return granted.get() ? new Slot(client) : null;
    }

    private final class Slot {

        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();

        Slot(String client) {
            this.client = client;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}

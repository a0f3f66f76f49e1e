package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ClientLimitsOn;
import dev.parley.testing.RawHttp;

/**
 * The chat's caps per client address, at the handshake: connections open at once and handshakes per minute, each
 * refused with a 429 problem. Each test is its own client, forwarded by the trusted proxy ({@link ClientLimitsOn}).
 */
@ClientLimitsOn
class ClientConnectionLimitsTest {

    @LocalServerPort
    int port;

    @Test
    void aClientMayHoldOnlySoManyConnectionsOpenAndGetsOneBackWhenItClosesOne() throws Exception {
        List<ChatClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < ClientLimitsOn.CHAT_CONNECTIONS; i++) {
                open.add(ChatClient.connectForwardedFor(port, "198.51.100.1"));
                assertThat(open.get(i).next("welcome")).isNotNull();
            }

            RawHttp.Response refused = handshake("198.51.100.1");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.json().get("detail").asString()).contains("at most " + ClientLimitsOn.CHAT_CONNECTIONS);
            assertThat(handshake("198.51.100.2").status()).as("another client").isEqualTo(101);

            open.remove(0).close();
            assertThat(handshakeOnceTheServerHasSeenTheClose("198.51.100.1")).isEqualTo(101);
        } finally {
            open.forEach(ChatClient::close);
        }
    }

    @Test
    void aClientMayOpenOnlySoManyConnectionsAMinute() {
        // Handshakes from a page that may not chat are refused after the limit has counted them; so this client
        // never holds a connection, and only the handshake limit can refuse it.
        for (int i = 0; i < ClientLimitsOn.CHAT_HANDSHAKES; i++) {
            assertThat(handshakeFromEvilPage("198.51.100.3").status()).isEqualTo(403);
        }

        RawHttp.Response refused = handshakeFromEvilPage("198.51.100.3");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(handshake("198.51.100.4").status()).as("another client").isEqualTo(101);
    }

    @Test
    void aHandshakeRefusedForItsOriginHoldsNoConnectionSlot() {
        for (int i = 0; i < ClientLimitsOn.CHAT_CONNECTIONS + 1; i++) {
            assertThat(handshakeFromEvilPage("198.51.100.5").status()).isEqualTo(403);
        }
        assertThat(handshake("198.51.100.5").status()).isEqualTo(101);
    }

    @Test
    void aClientsChatConnectionsAndItsRestAsksDrawOnOneAllowance() {
        // Regression: the chat counted messages per connection only, so a client holding many connections got many
        // times the allowance of one asking over REST.
        String client = "198.51.100.6";
        try (var first = ChatClient.connectForwardedFor(port, client);
                var second = ChatClient.connectForwardedFor(port, client)) {
            first.next("welcome");
            second.next("welcome");
            first.ask("a1", "who can refer cases to the ICC?");
            assertThat(first.next("answer")).isNotNull();
            second.ask("a2", "what does the UNHCR do?");
            assertThat(second.next("answer")).isNotNull();
            for (int i = 2; i < ClientLimitsOn.API_BURST; i++) {
                assertThat(RawHttp.post("/api/v1/ask", "{\"question\":\"what is the ICC?\"}")
                        .header("X-Forwarded-For", client).sendTo(port).status()).isEqualTo(200);
            }

            first.ask("a3", "who can refer cases to the ICC?");
            var refused = first.next("error");

            assertThat(refused.get("code").asString()).isEqualTo("rate-limited");
            assertThat(refused.get("replyTo").asString()).isEqualTo("a3");
            first.send("{\"type\":\"ping\",\"id\":\"p1\"}");
            assertThat(first.next("pong")).as("a ping costs nothing and the connection stays").isNotNull();
            assertThat(RawHttp.post("/api/v1/ask", "{\"question\":\"what is the ICC?\"}")
                    .header("X-Forwarded-For", client).sendTo(port).status()).isEqualTo(429);
        }
    }

    private RawHttp.Response handshake(String client) {
        return RawHttp.webSocketHandshake(ChatConfiguration.PATH).header("X-Forwarded-For", client).sendTo(port);
    }

    private RawHttp.Response handshakeFromEvilPage(String client) {
        return RawHttp.webSocketHandshake(ChatConfiguration.PATH).header("X-Forwarded-For", client)
                .header("Origin", "https://evil.example").sendTo(port);
    }

    /** The server frees the slot when it has handled the close, a moment after the client sent it. */
    private int handshakeOnceTheServerHasSeenTheClose(String client) throws InterruptedException {
        int status = 0;
        // Each try is a handshake too, counted by the limit of 12 a minute (3 used above): so few tries, far apart.
        for (int attempt = 0; attempt < 6 && status != 101; attempt++) {
            Thread.sleep(1_000);
            status = handshake(client).status();
        }
        return status;
    }
}

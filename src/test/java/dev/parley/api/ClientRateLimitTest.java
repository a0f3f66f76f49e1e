package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ClientLimitsOn;
import dev.parley.testing.RawHttp;

/**
 * The REST API's limit per client address: asks and feedbacks share one bucket per client, a spent bucket gets a
 * 429 problem with Retry-After, and a client is the address its connection comes from, or the one a trusted
 * proxy forwards, never one it names itself.
 */
@ClientLimitsOn
class ClientRateLimitTest {

    private static final String QUESTION = "{\"question\":\"what does the UNHCR do?\"}";

    @LocalServerPort
    int port;

    @Test
    void aClientThatSpentItsBurstGetsA429WithRetryAfter() {
        for (int i = 0; i < ClientLimitsOn.API_BURST; i++) {
            assertThat(ask("203.0.113.1").status()).isEqualTo(200);
        }

        RawHttp.Response refused = ask("203.0.113.1");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.json().get("status").asInt()).isEqualTo(429);
        assertThat(refused.json().get("instance").asString()).isEqualTo("/api/v1/ask");
        // One token a minute: the next one is at most a minute away.
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    }

    @Test
    void feedbackSharesTheAsksBucketAndTheIntentsListingIsNotLimited() {
        String answerId = ask("203.0.113.2").json().get("answerId").asString();
        for (int i = 1; i < ClientLimitsOn.API_BURST; i++) {
            assertThat(feedback("203.0.113.2", answerId).status()).isEqualTo(204);
        }

        assertThat(feedback("203.0.113.2", answerId).status()).isEqualTo(429);
        assertThat(ask("203.0.113.2").status()).isEqualTo(429);
        assertThat(RawHttp.get("/api/v1/intents").header("X-Forwarded-For", "203.0.113.2").sendTo(port).status())
                .isEqualTo(200);
    }

    @Test
    void twoAddressesForwardedByTheTrustedProxyGetABucketEach() {
        for (int i = 0; i < ClientLimitsOn.API_BURST; i++) {
            assertThat(ask("203.0.113.3").status()).isEqualTo(200);
        }
        assertThat(ask("203.0.113.3").status()).isEqualTo(429);

        assertThat(ask("203.0.113.4").status()).isEqualTo(200);
    }

    @Test
    void aClientCannotPickItsOwnAddressWithXForwardedFor() {
        // 127.0.0.2 is not a trusted proxy: whatever it forwards, it is itself, with one bucket.
        assumeTrue(RawHttp.canConnectFrom("127.0.0.2"), "this machine routes only 127.0.0.1 to itself");
        for (int i = 0; i < ClientLimitsOn.API_BURST; i++) {
            assertThat(askFrom127002("1.2.3." + i).status()).isEqualTo(200);
        }

        assertThat(askFrom127002("1.2.3.4").status()).isEqualTo(429);
        assertThat(askFrom127002("5.6.7.8").status()).isEqualTo(429);
    }

    private RawHttp.Response ask(String client) {
        return RawHttp.post("/api/v1/ask", QUESTION).header("X-Forwarded-For", client).sendTo(port);
    }

    private RawHttp.Response askFrom127002(String forwardedFor) {
        return RawHttp.post("/api/v1/ask", QUESTION).from("127.0.0.2").header("X-Forwarded-For", forwardedFor)
                .sendTo(port);
    }

    private RawHttp.Response feedback(String client, String answerId) {
        return RawHttp.post("/api/v1/answers/" + answerId + "/feedback", "{\"helpful\":true}")
                .header("X-Forwarded-For", client).sendTo(port);
    }
}

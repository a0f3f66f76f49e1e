package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.RawHttp;

/**
 * With the settings as shipped (no trusted proxy: {@code server.forward-headers-strategy} pinned to {@code none}),
 * no {@code X-Forwarded-For} names the client, even one sent from this machine: a client that names a fresh address
 * per request still spends one allowance, its own connection's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.api.rate-limit.burst=2", "parley.api.rate-limit.per-minute=1"})
class ForwardedForUntrustedTest {

    @LocalServerPort
    int port;

    @Test
    void aClientNamingAnotherAddressPerRequestIsStillCountedByItsConnection() {
        assertThat(ask("198.51.100.1").status()).isEqualTo(200);
        assertThat(ask("198.51.100.2").status()).isEqualTo(200);

        RawHttp.Response refused = ask("198.51.100.3");

        assertThat(refused.status()).isEqualTo(429);
    }

    private RawHttp.Response ask(String forwardedFor) {
        return RawHttp.post("/api/v1/ask", "{\"question\":\"what does the UNHCR do?\"}")
                .header("X-Forwarded-For", forwardedFor).sendTo(port);
    }
}

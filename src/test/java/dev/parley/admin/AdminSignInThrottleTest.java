package dev.parley.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ClientLimitsOn;
import dev.parley.testing.RawHttp;

/**
 * Failed admin sign-ins are throttled per client address (10 per 5 minutes here, as by default), and the built-in
 * password counts only for a client on this machine, after the trusted proxy's forwarded address is applied. Each
 * test is its own client, forwarded by the trusted proxy ({@link ClientLimitsOn}); the attackers are loopback
 * addresses, so that the built-in password itself is not what refuses them.
 */
@ClientLimitsOn
@ExtendWith(OutputCaptureExtension.class)
class AdminSignInThrottleTest {

    private static final String ANY_ADMIN_PATH = "/api/v1/admin/no-such-thing"; // past security it is a 404

    @LocalServerPort
    int port;

    @Test
    void fortyWrongPasswordsEndInA429WithRetryAfterAndOneWarning(CapturedOutput output) {
        List<Integer> statuses = new ArrayList<>();
        RawHttp.Response last = null;
        for (int i = 0; i < 40; i++) {
            last = signIn("127.0.0.50", "admin", "guess-" + i);
            statuses.add(last.status());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 40)).containsOnly(429);
        assertThat(last.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(last.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 300));
        assertThat(Pattern.compile("WARN .*Admin sign-in locked for 127\\.0\\.0\\.50 ").matcher(output.getOut())
                .results().count()).as("one warning for the one lock").isEqualTo(1);
    }

    @Test
    void wrongPasswordsSentAllAtOnceAreCheckedNoMoreOftenThanTheLimit() throws Exception {
        // Regression: the failure was counted after the password check, so requests sent at once all got checked.
        ExecutorService attackers = Executors.newFixedThreadPool(25);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String guess = "guess-" + i;
                sent.add(attackers.submit(() -> signIn("127.0.0.55", "admin", guess).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : sent) {
                statuses.add(status.get(60, TimeUnit.SECONDS));
            }

            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses).filteredOn(status -> status == 401).hasSize(10);
        } finally {
            attackers.shutdownNow();
        }
    }

    @Test
    void rightCredentialsDoNotCountTowardsTheLock() {
        for (int i = 0; i < 15; i++) {
            assertThat(signIn("127.0.0.65", ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD).status()).isEqualTo(404);
        }
        RawHttp.Response typo = signIn("127.0.0.65", "admin", "one-typo");
        assertThat(typo.status()).isEqualTo(401);
        assertThat(typo.json().get("detail").asString()).isEqualTo("The admin user name or password is wrong (HTTP Basic).");
    }

    @Test
    void aLockedAddressIsRefusedEvenTheRightPasswordWhileTheAdminElsewhereSignsIn() {
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("127.0.0.60", "admin", "guess-" + i).status()).isEqualTo(401);
        }

        assertThat(signIn("127.0.0.60", ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD).status()).isEqualTo(429);
        assertThat(signIn("127.0.0.61", ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD).status()).isEqualTo(404);
    }

    @Test
    void aWrongCaseOfTheUserNameIsAFailureToo() {
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("127.0.0.70", "ADMIN", ApiClient.ADMIN_PASSWORD).status()).isEqualTo(401);
        }
        assertThat(signIn("127.0.0.70", ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void theBuiltInPasswordIsRefusedForAClientTheTrustedProxyForwardsFromElsewhere() {
        RawHttp.Response refused = signIn("203.0.113.80", ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.json().get("detail").asString()).contains("PARLEY_ADMIN_PASSWORD");
    }

    @Test
    void theBuiltInPasswordIsRefusedThroughAProxyTheServerDoesNotTrust() {
        // 127.0.0.2 is a proxy on this machine that the server was not told to trust: its requests all come from
        // a loopback address, but the forwarding header it leaves says they are not this machine's own.
        assumeTrue(RawHttp.canConnectFrom("127.0.0.2"), "this machine routes only 127.0.0.1 to itself");

        RawHttp.Response response = RawHttp.get(ANY_ADMIN_PATH).from("127.0.0.2")
                .header("X-Forwarded-For", "203.0.113.81")
                .header("Authorization", AdminSecurityTest.basic(ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD))
                .sendTo(port);

        assertThat(response.status()).isEqualTo(403);
        assertThat(RawHttp.get(ANY_ADMIN_PATH).from("127.0.0.2")
                .header("Authorization", AdminSecurityTest.basic(ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD))
                .sendTo(port).status()).as("the same machine without a proxy").isEqualTo(404);
    }

    private RawHttp.Response signIn(String client, String user, String password) {
        return RawHttp.get(ANY_ADMIN_PATH).header("X-Forwarded-For", client)
                .header("Authorization", AdminSecurityTest.basic(user, password)).sendTo(port);
    }
}

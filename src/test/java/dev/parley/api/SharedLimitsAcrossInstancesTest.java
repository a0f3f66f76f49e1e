package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.testing.PostgresTestDatabase;
import dev.parley.testing.ApiClient;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;

/**
 * Two application instances on one PostgreSQL database (one schema), as behind a load balancer: the limits per
 * client address and an API key's quota hold once across both, failed admin sign-ins lock an address on both, and a
 * key revoked through one is refused by the other within 5 s. Both trust the test's connections (127.0.0.1) as
 * their proxy, so each test names its client's address in {@code X-Forwarded-For}.
 */
@Requires(Requirement.POSTGRES)
class SharedLimitsAcrossInstancesTest {

    private static final int BURST = 3;
    private static final String PASSWORD = "two-instances-test";
    private static final String QUESTION = "{\"question\":\"what does the UNHCR do?\"}";

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @TempDir
    static Path root;

    @BeforeAll
    static void startBoth() {
        PostgresTestDatabase database = PostgresTestDatabase.required();
        String url = database.freshSchema("parley_shared_limits");
        // each instance records in its intents folder what it published: a copy of its own
        Path intents = root.resolve("intents");
        KnowledgeFixture.copyIntentsTo(intents);
        // One after the other: the first migrates the schema, the second finds it migrated.
        a = start(url, database, intents);
        b = start(url, database, intents);
    }

    @AfterAll
    static void stopBoth() {
        for (var instance : new ConfigurableApplicationContext[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(String url, PostgresTestDatabase database, Path intents) {
        return new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--parley.knowledge.intents-dir=" + intents,
                "--parley.knowledge.seeds-dir=" + KnowledgeFixture.seeds(),
                "--parley.nlu.classifier=maxent",
                "--parley.api.rate-limit.burst=" + BURST, "--parley.api.rate-limit.per-minute=1",
                "--parley.admin.password=" + PASSWORD,
                "--parley.admin.login-throttle.max-failures=2", "--parley.admin.login-throttle.window=5m",
                "--server.forward-headers-strategy=native",
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1");
    }

    @Test
    void theLimitPerAddressRefusesTheRequestAfterItSpreadOverBoth() {
        List<ConfigurableApplicationContext> spread = List.of(a, b, a);
        for (int i = 0; i < BURST; i++) {
            assertThat(ask(spread.get(i), "203.0.113.80", null).status()).as("ask %d", i + 1).isEqualTo(200);
        }

        ApiClient.Response refused = ask(b, "203.0.113.80", null);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(ask(a, "203.0.113.80", null).status()).isEqualTo(429);
        assertThat(ask(b, "203.0.113.81", null).status()).as("another address").isEqualTo(200);
    }

    @Test
    void aKeysQuotaHoldsAcrossBothAndARevocationOnOneIsObeyedByTheOtherWithin5s() throws InterruptedException {
        var created = admin(a).post(ApiKeyController.PATH, "{\"name\":\"two instances\",\"requestsPerMinute\":4}");
        assertThat(created.status()).isEqualTo(201);
        String key = "Bearer " + created.json().get("key").asString();
        long id = created.json().get("id").asLong();

        for (var instance : List.of(a, b, a, b)) {
            assertThat(ask(instance, "203.0.113.82", key).status()).isEqualTo(200);
        }
        assertThat(ask(a, "203.0.113.83", key).status()).as("the key's quota, whatever the address").isEqualTo(429);
        assertThat(ask(b, "203.0.113.83", key).status()).isEqualTo(429);

        assertThat(admin(a).delete(ApiKeyController.PATH + "/" + id).status()).isEqualTo(204);
        Instant revoked = Instant.now();
        assertThat(ask(a, "203.0.113.84", key).status()).as("on the instance that revoked it, at once")
                .isEqualTo(401);
        int onB;
        do {
            onB = ask(b, "203.0.113.84", key).status();
            if (onB != 401) {
                Thread.sleep(100);
            }
        } while (onB != 401 && Duration.between(revoked, Instant.now()).compareTo(Duration.ofSeconds(6)) < 0);
        assertThat(onB).isEqualTo(401);
        assertThat(Duration.between(revoked, Instant.now())).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(admin(b).get(ApiKeyController.PATH).body()).contains("\"revokedAt\":\"");
    }

    @Test
    void failedSignInsOnBothLockTheAddressOnBoth() {
        assertThat(signIn(a, "203.0.113.85", "wrong").status()).isEqualTo(401);
        assertThat(signIn(b, "203.0.113.85", "wrong").status()).isEqualTo(401);

        assertThat(signIn(a, "203.0.113.85", PASSWORD).status()).as("locked, even with the right password")
                .isEqualTo(429);
        assertThat(signIn(b, "203.0.113.85", PASSWORD).status()).isEqualTo(429);
        assertThat(signIn(b, "203.0.113.86", PASSWORD).status()).as("another address").isEqualTo(200);
    }

    private static int port(ConfigurableApplicationContext instance) {
        return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static ApiClient admin(ConfigurableApplicationContext instance) {
        return ApiClient.withCredentials(port(instance), ApiClient.ADMIN, PASSWORD);
    }

    private static ApiClient.Response signIn(ConfigurableApplicationContext instance, String client, String password) {
        var admin = ApiClient.withCredentials(port(instance), ApiClient.ADMIN, password);
        return admin.send(admin.request(ApiKeyController.PATH).header("X-Forwarded-For", client).GET());
    }

    private static ApiClient.Response ask(ConfigurableApplicationContext instance, String client,
            String authorization) {
        var anonymous = ApiClient.anonymous(port(instance));
        HttpRequest.Builder request = anonymous.request("/api/v1/ask").header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(QUESTION, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return anonymous.send(request);
    }
}

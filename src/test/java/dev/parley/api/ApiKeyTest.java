package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ClientLimitsOn;
import tools.jackson.databind.JsonNode;

/**
 * API keys over real HTTP: the admin creates one (shown once), lists and revokes it; a request with the key gets the
 * key's quota instead of its address's, an unknown or revoked key gets 401, and bad input a 400 problem. The limits
 * per address are on ({@link ClientLimitsOn}: {@value ClientLimitsOn#API_BURST} asks per address).
 */
@ClientLimitsOn
class ApiKeyTest {

    private static final String QUESTION = "{\"question\":\"what does the UNHCR do?\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeyGetsItsOwnQuotaInsteadOfItsAddresssAndIsRefusedOnceRevoked() {
        int quota = ClientLimitsOn.API_BURST + 2;
        JsonNode created = create("{\"name\":\"shop back-office\",\"requestsPerMinute\":" + quota + "}");
        String key = created.get("key").asString();
        long id = created.get("id").asLong();

        for (int i = 0; i < quota; i++) {
            assertThat(ask("203.0.113.60", "Bearer " + key).status()).as("ask %d with the key", i + 1).isEqualTo(200);
        }
        ApiClient.Response refused = ask("203.0.113.60", "Bearer " + key);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        // The address's own allowance was not touched by the key's requests.
        assertThat(ask("203.0.113.60", null).status()).isEqualTo(200);

        assertThat(admin().delete(ApiKeyController.PATH + "/" + id).status()).isEqualTo(204);

        ApiClient.Response revoked = ask("203.0.113.61", "Bearer " + key);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.contentType()).startsWith("application/problem+json");
        assertThat(revoked.challenge()).startsWith("Bearer");
        assertThat(revoked.json().get("status").asInt()).isEqualTo(401);
        assertThat(admin().delete(ApiKeyController.PATH + "/" + id).status()).as("revoked again").isEqualTo(204);
        assertThat(listed(id).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void theListShowsEachKeyWithoutItAndOnlyItsHashIsKept() {
        JsonNode created = create("{\"name\":\"nightly report\"}");
        String key = created.get("key").asString();
        long id = created.get("id").asLong();
        assertThat(key).startsWith("parley_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.get("requestsPerMinute").asInt()).as("the default of application.yml").isEqualTo(300);

        ApiClient.Response list = admin().get(ApiKeyController.PATH);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(key);
        JsonNode listed = listed(id);
        assertThat(listed.get("name").asString()).isEqualTo("nightly report");
        assertThat(listed.get("requestsPerMinute").asInt()).isEqualTo(300);
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.get("createdAt").isNull()).isFalse();
        assertThat(listed.get("lastUsedAt").isNull()).as("never used yet").isTrue();

        assertThat(ask("203.0.113.62", "Bearer " + key).status()).isEqualTo(200);
        assertThat(listed(id).get("lastUsedAt").isNull()).as("used").isFalse();

        String stored = jdbc.sql("select key_hash from api_key where id = ?").param(id).query(String.class).single();
        assertThat(stored).isEqualTo(ApiKeys.hash(key)).isNotEqualTo(key).hasSize(64);
        assertThat(jdbc.sql("select count(*) from api_key where name like ? or key_hash like ?")
                .params("%" + key + "%", "%" + key + "%").query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownKeyGets401AndNotTheAnonymousQuota() {
        String wellFormed = "parley_" + "A".repeat(43);
        for (String authorization : new String[] {"Bearer " + wellFormed, "Bearer nonsense", "bearer ", "Bearer"}) {
            ApiClient.Response response = ask("203.0.113.63", authorization);
            assertThat(response.status()).as(authorization).isEqualTo(401);
            assertThat(response.contentType()).as(authorization).startsWith("application/problem+json");
        }
        // None of them took from the address's allowance.
        for (int i = 0; i < ClientLimitsOn.API_BURST; i++) {
            assertThat(ask("203.0.113.63", null).status()).isEqualTo(200);
        }
    }

    @Test
    void badInputGetsA400ProblemAndCreatesNothing() {
        long before = keyCount();
        for (String body : new String[] {"{}", "{\"name\":\"  \"}", "{\"name\":\"" + "n".repeat(101) + "\"}",
                "{\"name\":\"x\",\"requestsPerMinute\":0}", "{\"name\":\"x\",\"requestsPerMinute\":1000001}",
                "{\"name\":\"x\",\"requestsPerMinute\":\"many\"}", "{\"name\":\"forged\\nINFO admin signed in\"}",
                "not json"}) {
            ApiClient.Response response = admin().post(ApiKeyController.PATH, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(keyCount()).isEqualTo(before);

        ApiClient.Response notANumber = admin().delete(ApiKeyController.PATH + "/abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.contentType()).startsWith("application/problem+json");
        ApiClient.Response unknown = admin().delete(ApiKeyController.PATH + "/987654321");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyTheAdminManagesKeys() {
        var anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get(ApiKeyController.PATH).status()).isEqualTo(401);
        assertThat(anonymous.post(ApiKeyController.PATH, "{\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(anonymous.delete(ApiKeyController.PATH + "/1").status()).isEqualTo(401);
    }

    private JsonNode create(String body) {
        ApiClient.Response response = admin().post(ApiKeyController.PATH, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode listed(long id) {
        for (JsonNode key : admin().get(ApiKeyController.PATH).json()) {
            if (key.get("id").asLong() == id) {
                return key;
            }
        }
        throw new AssertionError("key " + id + " is not listed");
    }

    private long keyCount() {
        return jdbc.sql("select count(*) from api_key").query(Long.class).single();
    }

    private ApiClient admin() {
        return ApiClient.asAdmin(port);
    }

    /** An ask from this client address (forwarded by the trusted proxy), with this Authorization unless null. */
    private ApiClient.Response ask(String client, String authorization) {
        var client0 = ApiClient.anonymous(port);
        HttpRequest.Builder request = client0.request("/api/v1/ask").header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(QUESTION, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client0.send(request);
    }
}

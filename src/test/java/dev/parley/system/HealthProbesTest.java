package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;

/**
 * The liveness and readiness probes, asked as a load balancer asks them: without credentials. That readiness is down
 * while the first model trains is KnowledgeHealthIndicatorTest's (the server opens its port only once the first
 * model is in service, so no request can see it down).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthProbesTest {

    @LocalServerPort
    int port;
    @Autowired
    HealthEndpointGroups groups;

    @Test
    void livenessIsUpForAnyone() {
        ApiClient.Response response = ApiClient.anonymous(port).get("/actuator/health/liveness");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessIsUpForAnyoneOnceTheModelIsInService() {
        ApiClient.Response response = ApiClient.anonymous(port).get("/actuator/health/readiness");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessWaitsForTheKnowledgeAndLivenessDoesNot() {
        assertThat(groups.get("readiness").isMember("knowledge")).isTrue();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(groups.get("liveness").isMember("knowledge"))
                .as("a training must not get the instance restarted").isFalse();
    }
}

package dev.parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at /v3/api-docs describes the admin endpoints as one API: one HTTP Basic scheme for the one
 * admin user, required by every operation under /api/v1/admin, and tags that all say "Admin".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminApiDocumentationTest {

    @LocalServerPort
    int port;

    JsonNode spec;

    @BeforeEach
    void readTheDocument() {
        spec = ApiClient.anonymous(port).get("/v3/api-docs").json();
    }

    @Test
    void declaresOneHttpBasicSchemeForTheAdmin() {
        JsonNode schemes = spec.get("components").get("securitySchemes");

        assertThat(schemes.propertyNames()).containsExactly("admin");
        assertThat(schemes.get("admin").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("admin").get("scheme").asString()).isEqualTo("basic");
    }

    @Test
    void everyAdminOperationRequiresThatSchemeAndIsTaggedAdmin() {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/admin/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                assertThat(operation.getValue().get("security")).as(name).isNotNull();
                assertThat(operation.getValue().get("security").toString()).as(name).isEqualTo("[{\"admin\":[]}]");
                assertThat(operation.getValue().get("tags").values()).as(name).singleElement()
                        .satisfies(tag -> assertThat(tag.asString()).startsWith("Admin: "));
            }
        }
        assertThat(operations).contains("GET /api/v1/admin/exchanges.csv", "GET /api/v1/admin/daily",
                "GET /api/v1/admin/unanswered", "GET /api/v1/admin/intent-stats", "GET /api/v1/admin/feedback",
                "GET /api/v1/admin/knowledge", "POST /api/v1/admin/reload", "POST /api/v1/admin/proposals",
                "DELETE /api/v1/admin/sessions/{sessionId}");
    }

    @Test
    void thePublicOperationsNeedNoCredentials() {
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/admin/")) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    assertThat(operation.getValue().get("security")).as(path.getKey()).isNull();
                }
            }
        }
    }
}

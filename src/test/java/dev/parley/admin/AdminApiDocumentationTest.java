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
    void declaresOneHttpBasicSchemeForTheAdminAndOneBearerSchemeForApiKeys() {
        JsonNode schemes = spec.get("components").get("securitySchemes");

        assertThat(schemes.propertyNames()).containsExactlyInAnyOrder("admin", "api-key");
        assertThat(schemes.get("admin").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("admin").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("api-key").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("api-key").get("scheme").asString()).isEqualTo("bearer");
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
                "DELETE /api/v1/admin/sessions/{sessionId}", "GET /api/v1/admin/api-keys",
                "POST /api/v1/admin/api-keys", "DELETE /api/v1/admin/api-keys/{id}");
    }

    @Test
    void thePublicOperationsNeedNoCredentialsAndAskAndFeedbackTakeAnApiKey() {
        List<String> takingAKey = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/admin/")) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    JsonNode security = operation.getValue().get("security");
                    if (security != null) {
                        // Optional: no credentials, or the key.
                        assertThat(security.toString()).as(path.getKey()).isEqualTo("[{},{\"api-key\":[]}]");
                        assertThat(operation.getValue().get("responses").has("401")).as(path.getKey()).isTrue();
                        takingAKey.add(path.getKey());
                    }
                }
            }
        }
        assertThat(takingAKey).containsExactlyInAnyOrder("/api/v1/ask", "/api/v1/answers/{id}/feedback");
    }
}

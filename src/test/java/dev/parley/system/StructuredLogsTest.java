package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ForkedServer;
import tools.jackson.databind.JsonNode;

/**
 * JSON logs by the one setting of the README, in a server of its own (logging is the JVM's, so a context in this
 * one would switch every other test's log to JSON): each line a JSON object, and the lines about a question naming
 * its session and answer.
 */
class StructuredLogsTest {

    @Test
    void everyLineIsJsonAndALineAboutAQuestionCarriesItsSessionAndAnswerIds(@TempDir Path workDir)
            throws Exception {
        try (ForkedServer server = ForkedServer.start(workDir, "--logging.structured.format.console=ecs",
                "--logging.level.dev.parley.conversation=debug")) {
            JsonNode reply = ApiClient.anonymous(server.port()).replyTo("who can refer cases to the ICC?");
            String sessionId = reply.get("sessionId").asString();
            String answerId = reply.get("answerId").asString();

            // the server's output is read on its own thread: generous, not a timing claim
            JsonNode line = await().atMost(Duration.ofSeconds(10))
                    .until(() -> lineNaming(server, answerId), Optional::isPresent).get();

            assertThat(line.get("sessionId").asString()).isEqualTo(sessionId);
            assertThat(line.get("answerId").asString()).isEqualTo(answerId);
            assertThat(line.path("log").path("level").asString()).isEqualTo("DEBUG");
            assertThat(line.get("message").asString()).contains("icc-referral")
                    .doesNotContain("who can refer", "cases");
            assertThat(lines(server)).as("every line of the log is a JSON object")
                    .allSatisfy(text -> assertThat(ApiClient.JSON.readTree(text).isObject()).isTrue());
        }
    }

    private static Optional<JsonNode> lineNaming(ForkedServer server, String answerId) {
        return lines(server).stream().filter(text -> text.contains(answerId)).map(ApiClient.JSON::readTree)
                .findFirst();
    }

    private static List<String> lines(ForkedServer server) {
        return server.log().lines().filter(text -> !text.isBlank()).toList();
    }
}

package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Guards the replies themselves against changes meant to make the server faster (caches, batching, fewer
 * classifications): a fixed script of questions (the tuning set's, each alone; the context set's follow-ups, each
 * after its topic was answered in a session; a few conversations of repeats and "tell me more") must get exactly
 * the replies in {@code golden-replies.jsonl}: the intent, the confidence as served (every digit), fallback,
 * clarification, the answer text and the suggestions' intents. The file was written by the main before the
 * speed-ups, with the default classifier (hybrid) and the project's knowledge base.
 *
 * <p>A change that is meant to change answers rewrites the file on purpose: run this test with
 * {@code -DgoldenReplies.write=target/golden-replies.jsonl}, which writes the replies there (the test then fails,
 * so that a rewrite is never silent), and copy the file over the committed one in the same commit as the change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GoldenRepliesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden-replies.jsonl");
    private static final Path TUNING = Path.of("src/test/resources/evaluation/tuning.tsv");
    private static final Path CONTEXT = Path.of("src/test/resources/evaluation/context.tsv");

    @LocalServerPort
    int port;

    @Test
    void theRepliesToTheFixedQuestionsAreExactlyTheGoldenOnes() throws IOException {
        var script = new Script(ApiClient.anonymous(port));
        for (String[] row : rows(TUNING)) {
            script.ask("alone", row[1], null);
        }
        for (String[] row : rows(CONTEXT)) {
            String session = script.newSession();
            script.choose(row[0], session);
            script.ask("follow-up", row[2], session);
        }
        String session = script.newSession();
        for (String question : List.of("who can refer cases to the ICC?", "tell me more", "tell me more",
                "who can refer cases to the ICC?", "and in Africa?", "what about the weather there?", "tell me more",
                "what do international organizations do", "what does the UNHCR do?", "and the IOM?", "thanks")) {
            script.ask("conversation", question, session);
        }
        for (int round = 0; round < 2; round++) {
            for (String question : List.of("who can refer cases to the ICC?", "What does the UNHCR do?",
                    "what is the weather in Paris?", "tell me about international organizations", "tell me more")) {
                script.ask("repeated", question, null);
            }
        }

        String written = System.getProperty("goldenReplies.write", "");
        if (!written.isEmpty()) {
            Files.write(Path.of(written), script.replies, StandardCharsets.UTF_8);
            throw new AssertionError("wrote " + script.replies.size() + " replies to " + written
                    + " instead of comparing them; copy it over " + GOLDEN + " if the change is meant");
        }
        assertThat(script.replies).containsExactlyElementsOf(Files.readAllLines(GOLDEN, StandardCharsets.UTF_8));
    }

    private static List<String[]> rows(Path tsv) {
        try {
            return Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the questions in order and keeps each reply's lasting part as one JSON line. */
    private static final class Script {

        private final ApiClient api;
        private final List<String> replies = new ArrayList<>();
        // Session ids of this run only: the context of a session is read from the database.
        private final String run = UUID.randomUUID().toString().substring(0, 8);
        private int sessions;

        Script(ApiClient api) {
            this.api = api;
        }

        String newSession() {
            return "golden-" + run + "-" + (++sessions);
        }

        /** Answers an intent as if its suggestion had been picked: the topic of the follow-up after it. */
        void choose(String intent, String session) {
            JsonNode summary = api.get("/api/v1/intents/" + intent).json();
            send("topic", ApiClient.JSON.createObjectNode().put("question", summary.get("question").asString())
                    .put("sessionId", session).put("intent", intent));
        }

        void ask(String kind, String question, String session) {
            ObjectNode body = ApiClient.JSON.createObjectNode().put("question", question);
            if (session != null) {
                body.put("sessionId", session);
            }
            send(kind, body);
        }

        private void send(String kind, ObjectNode body) {
            ApiClient.Response response = api.ask(body.toString());
            assertThat(response.status()).as("%s: %s", body, response.body()).isEqualTo(200);
            JsonNode reply = response.json();
            ObjectNode kept = ApiClient.JSON.createObjectNode().put("kind", kind)
                    .put("question", body.get("question").asString());
            for (String field : List.of("intent", "confidence", "fallback", "clarification", "answer")) {
                kept.set(field, reply.get(field));
            }
            var suggested = kept.putArray("suggestions");
            reply.get("suggestions").forEach(suggestion -> suggested.add(suggestion.get("intent")));
            replies.add(kept.toString());
        }
    }
}

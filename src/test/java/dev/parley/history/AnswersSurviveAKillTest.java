package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ForkedServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regression test for answers lost in a crash: with the H2 file database as it ships, a server killed with SIGKILL
 * while clients asked as fast as they could lost the exchanges of its last second or so, though each had been
 * answered with a 200 and an answer id. Here a real server process is killed the same way under the same load, a new
 * one is started on the same database, and every answer id handed out must still take feedback.
 */
class AnswersSurviveAKillTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 4;
    private static final Duration LOAD = Duration.ofSeconds(3);
    private static final int SIGKILL_EXIT_CODE = 128 + 9;
    private static final List<String> QUESTIONS = List.of("who can refer cases to the ICC?",
            "what does the UNHCR do?", "what is the weather in Paris?", "tell me more",
            "how do sanctions enforce human rights?");

    @Test
    void everyAnswerHandedOutBeforeASigkillTakesFeedbackAfterARestart(@TempDir Path workDir) throws Exception {
        List<String> answered;
        try (ForkedServer server = ForkedServer.start(workDir)) {
            answered = askUntilKilled(server);
        }

        ForkedServer restarted = ForkedServer.start(workDir);
        try {
            var feedback = ApiClient.anonymous(restarted.port());
            List<String> lost = answered.stream().filter(id -> feedback.feedback(id, true, null).status() != 204).toList();

            assertThat(lost.size()).as("answers handed out before the kill whose exchange is gone (of %d), e.g. %s",
                    answered.size(), lost.stream().limit(3).toList()).isZero();
        } finally {
            restarted.close(); // SIGTERM: an orderly stop
        }
        // Regression: H2's own shutdown hook closed the database before the application could compact it, and the
        // failure landed in H2's trace file at every stop.
        assertThat(restarted.log()).contains("H2 database file compacted in");
        assertThat(workDir.resolve("data/parley.trace.db")).doesNotExist();
    }

    /** Clients ask as fast as they can; the server is killed while they do. Returns the answer ids they got. */
    private static List<String> askUntilKilled(ForkedServer server) throws Exception {
        Queue<String> answered = new ConcurrentLinkedQueue<>();
        var killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                running.add(clients.submit(() -> ask(server.port(), id, answered, killed)));
            }
            // Enough load that the kill lands among commits; bounded so that a stuck server fails instead of hanging.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Thread.sleep(LOAD.toMillis());
            while (answered.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            int exitCode = server.kill();
            killed.set(true);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }

            assertThat(exitCode).as("the exit code of a process ended by SIGKILL").isEqualTo(SIGKILL_EXIT_CODE);
            assertThat(answered).as("answers before the kill; server log:\n%s", server.log()).hasSizeGreaterThan(100);
            return List.copyOf(answered);
        } finally {
            clients.shutdownNow();
        }
    }

    private static Void ask(int port, int client, Queue<String> answered, AtomicBoolean killed) throws Exception {
        var api = ApiClient.anonymous(port);
        for (int n = 0; !killed.get(); n++) {
            String body = JSON.createObjectNode().put("question", QUESTIONS.get(n % QUESTIONS.size()))
                    .put("sessionId", "crash-" + client + "-" + (n % 50)).toString();
            try {
                ApiClient.Response response = api.ask(body);
                if (response.status() == 200) {
                    answered.add(JSON.readTree(response.body()).get("answerId").asString());
                }
            } catch (UncheckedIOException refusedOrCutOff) {
                // The kill: this request's answer, if any, never reached the client, so it was never handed out.
            }
        }
        return null;
    }
}

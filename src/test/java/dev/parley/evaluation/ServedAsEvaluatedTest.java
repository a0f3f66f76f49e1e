package dev.parley.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import dev.parley.testing.ApiClient;
import dev.parley.testing.CommandRun;
import dev.parley.testing.KnowledgeFixture;
import tools.jackson.databind.JsonNode;

/**
 * {@code evaluate} measures the bot the server serves: trained on the same knowledge base with default settings,
 * the command's replies ({@code --replies}: an intent, {@code oos} for a fallback, {@code ?} for "Did you mean…?")
 * are the server's, question by question over REST. Once for the project's own knowledge base, which has an
 * out-of-scope file, and once for one without, whose calibration also makes near questions from its intents.
 */
class ServedAsEvaluatedTest {

    /** Runs {@code evaluate} on these knowledge folders and returns its replies, one per test question. */
    static List<String> evaluatedReplies(Path intents, Path seeds, Path test, Path work) throws IOException {
        Path replies = work.resolve("replies.tsv");
        CommandRun run = CommandRun.of("evaluate", "--test", test.toString(), "--replies",
                replies.toString(), "--set", "parley.knowledge.intents-dir=" + intents,
                "--set", "parley.knowledge.seeds-dir=" + seeds);
        assertThat(run.exit()).as(run.output()).isZero();
        return Files.readAllLines(replies, StandardCharsets.UTF_8);
    }

    /** What the server said to each question of the evaluated replies, written the way {@code --replies} is. */
    static List<String> servedReplies(int port, List<String> evaluated) {
        var client = ApiClient.anonymous(port);
        var served = new ArrayList<String>();
        for (String line : evaluated) {
            String[] fields = line.split("\t", 3);
            JsonNode reply = client.replyTo(fields[2]);
            String given = reply.get("fallback").asBoolean() ? "oos"
                    : reply.get("clarification").asBoolean() ? "?" : reply.get("intent").asString();
            served.add(fields[0] + "\t" + given + "\t" + fields[2]);
        }
        return served;
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class TheProjectsKnowledgeBase {

        @LocalServerPort
        int port;

        @Test
        void everyReplyOfTheHeldOutSetIsTheServers(@TempDir Path work) throws IOException {
            List<String> evaluated = evaluatedReplies(Path.of("intents"), Path.of("seeds"),
                    Path.of("src/test/resources/evaluation/heldout.tsv"), work);

            assertThat(evaluated).hasSize(264);
            // answers and fallbacks both: the comparison is not of one kind of reply only
            assertThat(evaluated).anyMatch(line -> line.split("\t")[1].equals("oos"))
                    .anyMatch(line -> !line.split("\t")[1].equals("oos"));
            assertThat(servedReplies(port, evaluated)).containsExactlyElementsOf(evaluated);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class AKnowledgeBaseWithoutOutOfScopeQuestions {

        static Path intents;

        @DynamicPropertySource
        static void fixtureWithoutItsOutOfScopeFile(DynamicPropertyRegistry registry) throws IOException {
            intents = Files.createTempDirectory("parley-served-");
            KnowledgeFixture.serveCopyIn(intents, registry);
            Files.delete(intents.resolve("_out-of-scope.yaml"));
        }

        @AfterAll
        static void removeCopy() {
            FileSystemUtils.deleteRecursively(intents.toFile());
        }

        @LocalServerPort
        int port;

        @Test
        void everyReplyIsTheServers(@TempDir Path work) throws IOException {
            Path test = work.resolve("test.tsv");
            Files.writeString(test, """
                    icc-referral\twho is allowed to send a case to the ICC
                    icc-role\twhat is the international criminal court for
                    echr\tdoes the european court of human rights bind states
                    legal-action\tcan victims take legal action internationally
                    greeting\thi there
                    oos\twhat's the weather in Paris tomorrow
                    oos\thow do I reset my router password
                    oos\twho won the football world cup
                    oos\twhen was the ICC building renovated
                    """, StandardCharsets.UTF_8);

            List<String> evaluated = evaluatedReplies(intents, KnowledgeFixture.seeds(), test, work);

            assertThat(evaluated).hasSize(9);
            assertThat(servedReplies(port, evaluated)).containsExactlyElementsOf(evaluated);
        }
    }
}

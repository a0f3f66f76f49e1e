package dev.parley.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.parley.commandline.ApplicationSettings;
import dev.parley.conversation.ActiveKnowledge;
import dev.parley.conversation.BotReply;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationProperties;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.Exchange;
import dev.parley.conversation.InMemoryExchangeLog;
import dev.parley.conversation.UserMessage;
import dev.parley.nlu.training.KnowledgeTrainer;

/**
 * Context across turns, measured: follow-up questions (src/test/resources/evaluation/context.tsv, never trained on)
 * asked right after an answer on another intent, through the conversation service exactly as the server runs it,
 * and once more without that history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextQualityTest {

    private record FollowUp(String topic, String expected, String question) {
    }

    private List<FollowUp> followUps;
    private ConversationService withContext;
    private ConversationService withoutContext;
    private InMemoryExchangeLog log;

    @BeforeAll
    void trainAsTheServerDoes() throws IOException {
        followUps = Files.readAllLines(Path.of("src/test/resources/evaluation/context.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(columns -> new FollowUp(columns[0], columns[1], columns[2]))
                .toList();
        var settings = new ApplicationSettings(Map.of());
        var knowledge = settings.knowledge();
        var nlu = settings.nlu();
        var active = ActiveKnowledge.trainingInBackground(() -> new KnowledgeTrainer(knowledge, nlu).train());
        ConversationProperties conversation = settings.conversation();
        log = new InMemoryExchangeLog();
        withContext = new ConversationService(active, log, conversation, Clock.systemUTC());
        withoutContext = new ConversationService(active, new InMemoryExchangeLog(),
                new ConversationProperties(Duration.ZERO, conversation.clarification()),
                Clock.systemUTC());
    }

    @Test
    void shortFollowUpsResolveAgainstThePreviousAnswer() {
        double withHistory = accuracy(withContext, true);
        double alone = accuracy(withoutContext, false);
        System.out.printf("Context follow-ups (%d): %.1f%% right with the previous turn, %.1f%% read alone%n",
                followUps.size(), 100 * withHistory, 100 * alone);

        assertThat(withHistory).as("follow-ups answered right with context").isGreaterThanOrEqualTo(0.80);
        assertThat(withHistory).as("context must help, not merely not hurt").isGreaterThan(alone + 0.10);
    }

    @Test
    void outOfScopeFollowUpsStillFallBack() {
        followUps.stream().filter(followUp -> followUp.expected().equals("oos")).forEach(followUp ->
                assertThat(ask(withContext, followUp, true).fallback()).as(followUp.question()).isTrue());
    }

    private double accuracy(ConversationService service, boolean afterTopic) {
        long right = followUps.stream()
                .filter(followUp -> {
                    BotReply reply = ask(service, followUp, afterTopic);
                    String given = reply.fallback() ? "oos" : String.valueOf(reply.intent());
                    return given.equals(followUp.expected());
                })
                .count();
        return (double) right / followUps.size();
    }

    private BotReply ask(ConversationService service, FollowUp followUp, boolean afterTopic) {
        String session = UUID.randomUUID().toString();
        if (afterTopic) {
            log.record(new Exchange(UUID.randomUUID().toString(), Instant.now().minusSeconds(30), session,
                    Channel.REST, "earlier question", "earlier question", followUp.topic(), 0.9, false, false,
                    "test-version", "maxent"));
        }
        return service.reply(new UserMessage(followUp.question(), Optional.of(session), Channel.REST));
    }
}

package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.Source;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainedKnowledge;

class ConversationServiceTest {

    private static final Source REFERRAL_SOURCE = new Source("rights.txt", "Any state party can refer cases.");

    @Test
    void answersWithTheCuratedAnswerItsSourceAndFollowups() {
        var service = serviceAlwaysPredicting(ranking("icc-referral", 0.9, "icc-role", 0.05, "greeting", 0.05));

        BotReply reply = service.reply(message("who can refer cases?", null));

        assertThat(reply.fallback()).isFalse();
        assertThat(reply.intent()).isEqualTo("icc-referral");
        assertThat(reply.answer()).isEqualTo("Any **state party** can refer cases.");
        assertThat(reply.confidence()).isEqualTo(0.9);
        assertThat(reply.sources()).containsExactly(new SourceExcerpt("rights.txt", "Any state party can refer cases."));
        assertThat(reply.suggestions()).containsExactly(new Suggestion("icc-role", "What does the ICC do?"));
    }

    @Test
    void fallsBackHonestlyWithTheClosestContentQuestions() {
        var service = serviceAlwaysPredicting(
                ranking(Prediction.OUT_OF_SCOPE, 0.8, "greeting", 0.1, "icc-role", 0.06, "icc-referral", 0.04));

        BotReply reply = service.reply(message("what is the weather in Paris?", null));

        assertThat(reply.fallback()).isTrue();
        assertThat(reply.intent()).isNull();
        assertThat(reply.answer()).startsWith("I don't know that one yet.");
        assertThat(reply.confidence()).as("the best real intent's score").isEqualTo(0.1);
        assertThat(reply.sources()).isEmpty();
        assertThat(reply.suggestions()).as("small talk is never suggested").extracting(Suggestion::intent)
                .containsExactly("icc-role", "icc-referral");
    }

    @Test
    void theConfiguredPolicyDecidesWhenToFallBack() {
        Prediction unsure = ranking("icc-referral", 0.45, "icc-role", 0.35, "greeting", 0.2);

        assertThat(serviceAlwaysPredicting(unsure).reply(message("icc?", null)).fallback()).isFalse();
        var cautious = new ConversationService(ActiveKnowledge.of(new TrainedKnowledge(knowledge(),
                text -> unsure, new FallbackPolicy(0.5, 0), Instant.now())), new InMemoryExchangeLog(), "Hello!",
                Clock.systemUTC());
        assertThat(cautious.reply(message("icc?", null)).fallback()).isTrue();
    }

    @Test
    void keepsAValidSessionIdAndStartsANewOneOtherwise() {
        var service = serviceAlwaysPredicting(ranking("icc-referral", 0.9, "icc-role", 0.1));

        assertThat(service.reply(message("x", "session-123456")).sessionId()).isEqualTo("session-123456");
        String fresh = service.reply(message("x", null)).sessionId();
        assertThat(fresh).matches(ConversationService.SESSION_ID_FORMAT);
        assertThat(service.reply(message("x", null)).sessionId()).isNotEqualTo(fresh);
        assertThat(service.reply(message("x", "bad id!")).sessionId()).matches(ConversationService.SESSION_ID_FORMAT)
                .isNotEqualTo("bad id!");
    }

    @Test
    void aReplacedModelAnswersTheNextQuestion() {
        var active = ActiveKnowledge.of(trained(ranking("icc-referral", 0.9, "icc-role", 0.1)));
        var service = new ConversationService(active, new InMemoryExchangeLog(), "Hello!", Clock.systemUTC());

        active.replace(trained(ranking("icc-role", 0.9, "icc-referral", 0.1)));

        assertThat(service.reply(message("icc", null)).intent()).isEqualTo("icc-role");
    }

    private static ConversationService serviceAlwaysPredicting(Prediction prediction) {
        return new ConversationService(ActiveKnowledge.of(trained(prediction)), new InMemoryExchangeLog(), "Hello!",
                Clock.systemUTC());
    }

    private static TrainedKnowledge trained(Prediction prediction) {
        IntentClassifier classifier = text -> prediction;
        return new TrainedKnowledge(knowledge(), classifier, new FallbackPolicy(0.04, 0), Instant.now());
    }

    private static KnowledgeBase knowledge() {
        return new KnowledgeBase(List.of(
                new Intent("icc-referral", "Who can refer cases to the ICC?", List.of("icc referral"),
                        "Any **state party** can refer cases.", Optional.of(REFERRAL_SOURCE), List.of("icc-role"),
                        List.of("icc")),
                new Intent("icc-role", "What does the ICC do?", List.of("icc role"), "It prosecutes.",
                        Optional.of(REFERRAL_SOURCE), List.of(), List.of()),
                new Intent("greeting", "Hello!", List.of("hi"), "Hello!", Optional.empty(), List.of(),
                        List.of(Intent.SMALL_TALK))));
    }

    private static Prediction ranking(Object... intentsAndScores) {
        var ranking = new java.util.ArrayList<ScoredIntent>();
        for (int i = 0; i < intentsAndScores.length; i += 2) {
            ranking.add(new ScoredIntent((String) intentsAndScores[i], (Double) intentsAndScores[i + 1]));
        }
        return new Prediction(ranking);
    }

    private static UserMessage message(String text, String sessionId) {
        return new UserMessage(text, Optional.ofNullable(sessionId), Channel.REST);
    }
}

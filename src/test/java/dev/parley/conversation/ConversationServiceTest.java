package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.Source;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.IntentClassifier;
import dev.parley.knowledge.bot.Bot;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainedKnowledge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ConversationServiceTest {

    private static final ConversationProperties SETTINGS = new ConversationProperties(
            Duration.ofMinutes(10), new ClarificationPolicy(0.6, 0.5, 3));
    private static final Source REFERRAL_SOURCE = new Source("rights.txt", "Any state party can refer cases.");

    @Test
    void answersWithTheCuratedAnswerItsSourceAndFollowups() {
        var service = serviceAlwaysPredicting(ranking("icc-referral", 0.9, "icc-role", 0.05, "greeting", 0.05));

        BotReply reply = service.reply(message("who can refer cases?", null));

        assertThat(reply.fallback()).isFalse();
        assertThat(reply.intent()).isEqualTo("icc-referral");
        assertThat(reply.answer()).isEqualTo("Any **state party** can refer cases.");
        assertThat(reply.confidence()).isEqualTo(0.9);
        assertThat(reply.sources()).as("no index: titled after the file name").containsExactly(
                new SourceExcerpt("rights.txt", "Rights", null, "Any state party can refer cases."));
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
                text -> unsure, ClassifierKind.MAXENT, new FallbackPolicy(0.5, 0), Instant.now(), Duration.ZERO)),
                new InMemoryExchangeLog(), SETTINGS,
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

    /** The one session-id check, used by the channels and by the admin's erasure alike. */
    @Test
    void aSessionIdIsEightToSixtyFourLettersDigitsHyphensOrUnderscores() {
        assertThat(List.of("abcd_1-Z", "a".repeat(64), "9029e085-d63e-44ea-af06-0da03ced428a"))
                .allMatch(ConversationService::isSessionId);
        assertThat(java.util.Arrays.asList("abcd_1-", "a".repeat(65), "bad id!!", "../../etc", "sessi\u00f6n-1", null))
                .noneMatch(ConversationService::isSessionId);
    }

    @Test
    void aReplacedModelAnswersTheNextQuestion() {
        var active = ActiveKnowledge.of(trained(ranking("icc-referral", 0.9, "icc-role", 0.1)));
        var service = new ConversationService(active, new InMemoryExchangeLog(), SETTINGS, Clock.systemUTC());

        active.replace(trained(ranking("icc-role", 0.9, "icc-referral", 0.1)));

        assertThat(service.reply(message("icc", null)).intent()).isEqualTo("icc-role");
    }

    @Test
    void asksWhichOneWhenTheBestIntentsAreClose() {
        var service = serviceAlwaysPredicting(ranking("icc-referral", 0.45, "icc-role", 0.35, "greeting", 0.2));

        BotReply reply = service.reply(message("icc?", null));

        assertThat(reply.clarification()).isTrue();
        assertThat(reply.fallback()).isFalse();
        assertThat(reply.intent()).isNull();
        assertThat(reply.answer()).contains("Did you mean");
        assertThat(reply.suggestions()).extracting(Suggestion::intent).containsExactly("icc-referral", "icc-role");
    }

    @Test
    void aPickedSuggestionIsAnsweredWithoutGuessing() {
        var service = serviceAlwaysPredicting(ranking("icc-referral", 0.45, "icc-role", 0.35, "greeting", 0.2));

        BotReply reply = service.reply(new UserMessage("What does the ICC do?", Optional.empty(), Channel.WEBSOCKET,
                Optional.of("icc-role")));

        assertThat(reply.clarification()).isFalse();
        assertThat(reply.intent()).isEqualTo("icc-role");
        assertThat(reply.confidence()).isEqualTo(1.0);
    }

    @Test
    void aPickedIntentTheBotNoLongerKnowsIsClassifiedInstead() {
        var service = serviceAlwaysPredicting(ranking("icc-referral", 0.9, "icc-role", 0.1));

        BotReply reply = service.reply(new UserMessage("who can refer?", Optional.empty(), Channel.REST,
                Optional.of("removed-intent")));

        assertThat(reply.intent()).isEqualTo("icc-referral");
    }

    @Test
    void tellMeMoreWalksTheLastTopicsFollowUpsWithoutRepeating() {
        var log = new InMemoryExchangeLog();
        var classifier = new ScriptedClassifier(Map.of("icc referral", "icc-referral", "more", "more"));
        var service = new ConversationService(ActiveKnowledge.of(new TrainedKnowledge(knowledge(), classifier,
                ClassifierKind.MAXENT, new FallbackPolicy(0.04, 0), Instant.now(), Duration.ZERO)), log,
                SETTINGS, Clock.systemUTC());

        BotReply noTopic = service.reply(message("more", "session-more-1"));
        assertThat(noTopic.answer()).as("nothing to continue yet: its own answer").isEqualTo("What about?");
        service.reply(message("icc referral", "session-more-1"));
        BotReply more = service.reply(message("more", "session-more-1"));
        BotReply exhausted = service.reply(message("more", "session-more-1"));

        assertThat(more.intent()).as("icc-referral's first follow-up").isEqualTo("icc-role");
        assertThat(exhausted.intent()).isNull();
        assertThat(exhausted.answer()).isEqualTo(Bot.neutral().texts().topicExhausted());
        assertThat(log.exchanges).extracting(Exchange::intent)
                .containsExactly("more", "icc-referral", "icc-role", null);
    }

    @Test
    void theTopicIsForgottenAfterTheContextTimeout() {
        var log = new InMemoryExchangeLog();
        var clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        var classifier = new ScriptedClassifier(Map.of("icc referral", "icc-referral", "more", "more"));
        var service = new ConversationService(ActiveKnowledge.of(new TrainedKnowledge(knowledge(), classifier,
                ClassifierKind.MAXENT, new FallbackPolicy(0.04, 0), Instant.now(), Duration.ZERO)), log,
                SETTINGS, clock);

        service.reply(message("icc referral", "session-timeout"));
        clock.advance(Duration.ofMinutes(11));

        assertThat(service.reply(message("more", "session-timeout")).answer()).isEqualTo("What about?");
    }

    @Test
    void keepsEveryExchangeAndFeedbackOnItsAnswer() {
        var log = new InMemoryExchangeLog();
        var service = new ConversationService(ActiveKnowledge.of(trained(ranking("icc-referral", 0.9,
                "icc-role", 0.1))), log, SETTINGS, Clock.systemUTC());

        BotReply reply = service.reply(message("Who can REFER cases?", "session-keep-1"));
        service.feedback(reply.answerId(), false, Optional.of("too short"));

        assertThat(log.exchanges).singleElement().satisfies(exchange -> {
            assertThat(exchange.answerId()).isEqualTo(reply.answerId());
            assertThat(exchange.sessionId()).isEqualTo("session-keep-1");
            assertThat(exchange.question()).isEqualTo("Who can REFER cases?");
            assertThat(exchange.normalizedQuestion()).isEqualTo("who can refer cases");
            assertThat(exchange.intent()).isEqualTo("icc-referral");
            assertThat(exchange.confidence()).isEqualTo(0.9);
            assertThat(exchange.channel()).isEqualTo(Channel.REST);
        });
        assertThat(log.feedback.get(reply.answerId()).helpful()).isFalse();
        assertThatThrownBy(() -> service.feedback("00000000-0000-0000-0000-000000000000", true,
                Optional.empty())).isInstanceOf(UnknownAnswerException.class);
    }

    /** Feedback is stamped by the service's clock, as the exchange it judges is, not by each channel. */
    @Test
    void stampsFeedbackWithTheServicesClock() {
        var log = new InMemoryExchangeLog();
        var clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        var service = new ConversationService(ActiveKnowledge.of(trained(ranking("icc-referral", 0.9,
                "icc-role", 0.1))), log, SETTINGS, clock);
        BotReply reply = service.reply(message("Who can refer cases?", "session-keep-2"));

        clock.advance(Duration.ofMinutes(3));
        service.feedback(reply.answerId(), true, Optional.empty());

        assertThat(log.feedback.get(reply.answerId()).givenAt()).isEqualTo(Instant.parse("2026-11-22T10:03:00Z"));
    }

    @Test
    void givesNoAnswerWhenTheExchangeCannotBeKept() {
        var refusing = new KeepingLog(exchange -> {
            throw new IllegalStateException("the database is down");
        });
        var service = new ConversationService(ActiveKnowledge.of(trained(ranking("icc-referral", 0.9,
                "icc-role", 0.1))), refusing, SETTINGS, Clock.systemUTC());

        assertThatThrownBy(() -> service.reply(message("Who can refer cases?", "session-keep-2")))
                .isInstanceOf(ExchangeNotKeptException.class).hasRootCauseMessage("the database is down");
    }

    @Test
    void aReplyMayLeaveOnlyOnceItsExchangeIsKeptAndIsWithheldWhenTheKeepingFails() {
        var commits = new ArrayList<CompletableFuture<Void>>();
        var committingLater = new KeepingLog(exchange -> {
            var commit = new CompletableFuture<Void>();
            commits.add(commit);
            return commit;
        });
        var service = new ConversationService(ActiveKnowledge.of(trained(ranking("icc-referral", 0.9,
                "icc-role", 0.1))), committingLater, SETTINGS, Clock.systemUTC());

        CompletableFuture<BotReply> kept = service.replyOnceKept(message("Who can refer cases?", "session-keep-3"));
        CompletableFuture<BotReply> lost = service.replyOnceKept(message("Who can refer cases?", "session-keep-3"));

        assertThat(kept).as("worked out, its exchange not yet kept").isNotDone();
        commits.get(0).complete(null);
        assertThat(kept).isCompletedWithValueMatching(reply -> "icc-referral".equals(reply.intent()));
        assertThat(lost).isNotDone();
        commits.get(1).completeExceptionally(new IllegalStateException("the database is down"));
        assertThat(lost).failsWithin(Duration.ZERO).withThrowableThat()
                .withCauseInstanceOf(ExchangeNotKeptException.class).havingRootCause()
                .withMessage("the database is down");
    }

    /** An exchange log that keeps exchanges as {@code keeping} says, and holds no feedback or history. */
    private record KeepingLog(Function<Exchange, CompletableFuture<Void>> keeping) implements ExchangeLog {
        @Override
        public CompletableFuture<Void> record(Exchange exchange) {
            return keeping.apply(exchange);
        }

        @Override
        public boolean recordFeedback(AnswerFeedback feedback) {
            return false;
        }

        @Override
        public List<Exchange> recentTurns(String sessionId, Instant since, int limit) {
            return List.of();
        }
    }

    /** Answers each known text with its intent at 0.9, anything else out of scope. */
    private record ScriptedClassifier(Map<String, String> intents) implements IntentClassifier {
        @Override
        public Prediction classify(Question question) {
            String intent = intents.getOrDefault(question.text(), Prediction.OUT_OF_SCOPE);
            return ranking(intent, 0.9, intent.equals("icc-role") ? "icc-referral" : "icc-role", 0.1);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Regression guard for a database query per question that could only come back empty. */
    @Test
    void aQuestionWithoutASessionIdReadsNoContext() {
        var kept = new InMemoryExchangeLog();
        ExchangeLog noContextReads = new ExchangeLog() {
            @Override
            public CompletableFuture<Void> record(Exchange exchange) {
                return kept.record(exchange);
            }

            @Override
            public boolean recordFeedback(AnswerFeedback feedback) {
                return kept.recordFeedback(feedback);
            }

            @Override
            public List<Exchange> recentTurns(String sessionId, Instant since, int limit) {
                throw new AssertionError("read the context of the new session " + sessionId);
            }
        };
        var model = ActiveKnowledge.of(trained(ranking("icc-referral", 0.9, "icc-role", 0.1)));
        var service = new ConversationService(model, noContextReads, SETTINGS, Clock.systemUTC());

        BotReply reply = service.reply(message("who can refer cases?", null));

        assertThat(reply.intent()).isEqualTo("icc-referral");
        assertThat(kept.exchanges).extracting(Exchange::sessionId).containsExactly(reply.sessionId());
    }

    @Test
    void countsEachQuestionOnceAsAnAnswerAClarificationOrAFallbackUnderItsChannel() {
        var registry = new SimpleMeterRegistry();
        var log = new InMemoryExchangeLog();
        var metrics = new ConversationMetrics(registry);
        var sure = new ConversationService(ActiveKnowledge.of(trained(ranking("icc-referral", 0.9, "icc-role", 0.1))),
                log, SETTINGS, Clock.systemUTC(), metrics);
        var torn = new ConversationService(ActiveKnowledge.of(trained(ranking("icc-referral", 0.45, "icc-role", 0.4,
                "greeting", 0.15))), log, SETTINGS, Clock.systemUTC(), metrics);
        var lost = new ConversationService(ActiveKnowledge.of(trained(ranking(Prediction.OUT_OF_SCOPE, 0.9,
                "icc-role", 0.1))), log, SETTINGS, Clock.systemUTC(), metrics);

        String session = sure.reply(message("who can refer cases?", null)).sessionId();
        assertThat(sure.reply(new UserMessage("tell me more", Optional.of(session), Channel.REST,
                Optional.of("more"))).intent()).as("more on the topic").isEqualTo("icc-role");
        assertThat(torn.reply(message("the icc?", null)).clarification()).isTrue();
        assertThat(lost.reply(new UserMessage("the weather?", Optional.empty(), Channel.WEBSOCKET)).fallback())
                .isTrue();

        assertThat(count(registry, "parley.questions", "rest")).isEqualTo(3);
        assertThat(count(registry, "parley.answers", "rest")).isEqualTo(2);
        assertThat(count(registry, "parley.clarifications", "rest")).isEqualTo(1);
        assertThat(count(registry, "parley.fallbacks", "rest")).isZero();
        assertThat(count(registry, "parley.questions", "websocket")).isEqualTo(1);
        assertThat(count(registry, "parley.fallbacks", "websocket")).isEqualTo(1);
        assertThat(registry.get("parley.question.duration").tag("channel", "rest").timer().count()).isEqualTo(3);
        assertThat(registry.get("parley.classification.duration").timer().count()).isEqualTo(4);
    }

    @Test
    void countsFeedbackKeptButNotFeedbackOnNoAnswer() {
        var registry = new SimpleMeterRegistry();
        var service = new ConversationService(ActiveKnowledge.of(trained(ranking("icc-referral", 0.9))),
                new InMemoryExchangeLog(), SETTINGS, Clock.systemUTC(), new ConversationMetrics(registry));
        String answerId = service.reply(message("who can refer cases?", null)).answerId();

        service.feedback(answerId, false, Optional.empty());
        assertThatThrownBy(() -> service.feedback("00000000-0000-0000-0000-000000000000", true, Optional.empty()))
                .isInstanceOf(UnknownAnswerException.class);

        assertThat(registry.get("parley.feedback").tag("verdict", "down").counter().count()).isEqualTo(1);
        assertThat(registry.get("parley.feedback").tag("verdict", "up").counter().count()).isZero();
    }

    private static double count(SimpleMeterRegistry registry, String name, String channel) {
        return registry.get(name).tag("channel", channel).counter().count();
    }

    private static ConversationService serviceAlwaysPredicting(Prediction prediction) {
        return new ConversationService(ActiveKnowledge.of(trained(prediction)), new InMemoryExchangeLog(), SETTINGS,
                Clock.systemUTC());
    }

    private static TrainedKnowledge trained(Prediction prediction) {
        IntentClassifier classifier = text -> prediction;
        return new TrainedKnowledge(knowledge(), classifier, ClassifierKind.MAXENT, new FallbackPolicy(0.04, 0),
                Instant.now(), Duration.ZERO);
    }

    private static KnowledgeBase knowledge() {
        return new KnowledgeBase(List.of(
                new Intent("icc-referral", "Who can refer cases to the ICC?", List.of("icc referral"),
                        "Any **state party** can refer cases.", Optional.of(REFERRAL_SOURCE), List.of("icc-role"),
                        List.of("icc")),
                new Intent("icc-role", "What does the ICC do?", List.of("icc role"), "It prosecutes.",
                        Optional.of(REFERRAL_SOURCE), List.of(), List.of()),
                new Intent("more", "Tell me more", List.of("more"), "What about?", Optional.empty(),
                        List.of("icc-role"), List.of(Intent.SMALL_TALK, Intent.CONTINUE)),
                new Intent("greeting", "Hello!", List.of("hi"), "Hello!", Optional.empty(), List.of(),
                        List.of(Intent.SMALL_TALK))), List.of(), Map.of());
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

package dev.parley.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.knowledge.Intent;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TextNormalizer;
import dev.parley.nlu.TrainedKnowledge;

/**
 * Where every question is answered, whichever channel brought it: classify, decide whether the bot knows, and build
 * the reply (the curated answer and its follow-ups, or an honest fallback with the closest questions it can answer).
 */
public final class ConversationService {

    /** Session ids the server hands out or accepts back: opaque, short, safe to log and to put in a URL. */
    public static final String SESSION_ID_FORMAT = "[A-Za-z0-9_-]{8,64}";
    private static final Pattern SESSION_ID = Pattern.compile(SESSION_ID_FORMAT);

    static final String FALLBACK_ANSWER = "I don't know that one yet. I can answer questions about how international"
            + " organizations enforce human rights and how they address migration. Perhaps one of these helps:";
    private static final int MAX_SUGGESTIONS = 3;

    private final ActiveKnowledge active;
    private final ExchangeLog log;
    private final String welcomeText;
    private final Clock clock;
    private final TextNormalizer normalizer = new TextNormalizer();

    public ConversationService(ActiveKnowledge active, ExchangeLog log, String welcomeText, Clock clock) {
        this.active = active;
        this.log = log;
        this.welcomeText = welcomeText;
        this.clock = clock;
    }

    /** How a new conversation opens: a greeting and the questions tagged {@value Intent#STARTER}. */
    public Welcome welcome(Optional<String> sessionId) {
        return new Welcome(welcomeText, starters(active.get()), sessionIdOrNew(sessionId));
    }

    private static List<Suggestion> starters(TrainedKnowledge trained) {
        return trained.knowledge().contentIntents().stream()
                .filter(intent -> intent.tags().contains(Intent.STARTER))
                .map(ConversationService::suggestion)
                .toList();
    }

    /** Answers one message and keeps the exchange; never throws for any text a channel lets through. */
    public BotReply reply(UserMessage message) {
        var askedAt = clock.instant();
        String sessionId = sessionIdOrNew(message.sessionId());
        TrainedKnowledge trained = active.get();
        Prediction prediction = trained.classifier().classify(message.text());
        double confidence = prediction.bestIntent().map(ScoredIntent::score).orElse(0.0);
        Optional<Intent> intent = trained.knowledge().find(prediction.top().intent());
        BotReply reply = trained.policy().fallsBack(prediction) || intent.isEmpty()
                ? new BotReply(newAnswerId(), FALLBACK_ANSWER, null, confidence, true, false,
                        closestQuestions(trained, prediction), List.of(), sessionId)
                : answer(trained, intent.get(), confidence, sessionId);
        log.record(new Exchange(reply.answerId(), askedAt, sessionId, message.channel(), message.text(),
                normalizer.normalize(message.text()), reply.intent(), confidence, reply.fallback(),
                reply.clarification()));
        return reply;
    }

    /**
     * Keeps a user's verdict on an answer.
     *
     * @throws UnknownAnswerException when no such answer was given (or retention has deleted it)
     */
    public void feedback(AnswerFeedback feedback) {
        if (!log.recordFeedback(feedback)) {
            throw new UnknownAnswerException(feedback.answerId());
        }
    }

    private BotReply answer(TrainedKnowledge trained, Intent intent, double confidence, String sessionId) {
        var followups = intent.followups().stream().map(trained.knowledge()::find).flatMap(Optional::stream)
                .map(ConversationService::suggestion).toList();
        var sources = intent.source().stream().map(s -> new SourceExcerpt(s.document(), s.excerpt())).toList();
        return new BotReply(newAnswerId(), intent.answer(), intent.id(), confidence, false, false, followups, sources,
                sessionId);
    }

    private static String newAnswerId() {
        return UUID.randomUUID().toString();
    }

    private List<Suggestion> closestQuestions(TrainedKnowledge trained, Prediction prediction) {
        if (prediction.isUniform()) {
            // Nothing in the question was known (emoji, digits, another language): no intent is closer than
            // another, so offer the curated starting points rather than the first ids in alphabetical order.
            return starters(trained);
        }
        return prediction.ranking().stream()
                .map(scored -> trained.knowledge().find(scored.intent()))
                .flatMap(Optional::stream)
                .filter(intent -> !intent.isSmallTalk())
                .limit(MAX_SUGGESTIONS)
                .map(ConversationService::suggestion)
                .toList();
    }

    private static String sessionIdOrNew(Optional<String> sessionId) {
        return sessionId.filter(id -> SESSION_ID.matcher(id).matches()).orElseGet(() -> UUID.randomUUID().toString());
    }

    private static Suggestion suggestion(Intent intent) {
        return new Suggestion(intent.id(), intent.question());
    }
}

package dev.parley.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainedKnowledge;

/**
 * Where every question is answered, whichever channel brought it: read the session's recent context, classify
 * (with that context when a short follow-up needs it), decide whether to answer, ask "Did you mean…?" or say honestly
 * that the bot does not know, build the reply, and keep the exchange.
 */
public final class ConversationService {

    /** Session ids the server hands out or accepts back: opaque, short, safe to log and to put in a URL. */
    public static final String SESSION_ID_FORMAT = "[A-Za-z0-9_-]{8,64}";
    private static final Pattern SESSION_ID = Pattern.compile(SESSION_ID_FORMAT);
    private static final Logger logger = LoggerFactory.getLogger(ConversationService.class);

    static final String FALLBACK_ANSWER = "I don't know that one yet. I can answer questions about how international"
            + " organizations enforce human rights and how they address migration. Perhaps one of these helps:";
    static final String CLARIFICATION_ANSWER = "I'm not sure which of these you mean. Did you mean…";
    static final String TOPIC_EXHAUSTED_ANSWER = "That's all I have around that topic. Here are other questions I"
            + " can answer:";
    private static final int MAX_SUGGESTIONS = 3;
    private static final int RECENT_TURNS = 20;
    /** How much likelier a topic's follow-ups are than other intents right after it (measured: docs/quality.md). */
    private static final double FOLLOW_UP_PRIOR = 16.0;

    private final ActiveKnowledge active;
    private final ExchangeLog log;
    private final ConversationProperties settings;
    private final Clock clock;

    public ConversationService(ActiveKnowledge active, ExchangeLog log, ConversationProperties settings,
                               Clock clock) {
        this.active = active;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
    }

    /** How a new conversation opens: a greeting and the questions tagged {@value Intent#STARTER}. */
    public Welcome welcome(Optional<String> sessionId) {
        return new Welcome(settings.welcomeText(), starters(active.get().knowledge(), List.of()),
                sessionIdOrNew(sessionId));
    }

    /**
     * Answers one message and keeps the exchange; never throws for any text a channel lets through.
     *
     * @throws ExchangeNotKeptException when the exchange cannot be stored (the database is unavailable)
     */
    public BotReply reply(UserMessage message) {
        Instant askedAt = clock.instant();
        String sessionId = sessionIdOrNew(message.sessionId());
        TrainedKnowledge trained = active.get();
        SessionContext context = contextOf(sessionId, askedAt, trained.knowledge());
        Question question = Question.of(message.text());
        Understanding understood = message.chosenIntent()
                .flatMap(trained.knowledge()::find)
                .map(Understanding::chosen)
                .orElseGet(() -> understand(trained, question, context));
        BotReply reply = respond(trained.knowledge(), understood, context, sessionId);
        keep(new Exchange(reply.answerId(), askedAt, sessionId, message.channel(), message.text(),
                question.normalised(), reply.intent(), understood.confidence(), reply.fallback(),
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

    private SessionContext contextOf(String sessionId, Instant now, KnowledgeBase knowledge) {
        Duration timeout = settings.contextTimeout();
        if (timeout.isZero()) {
            return SessionContext.NONE;
        }
        try {
            return SessionContext.of(log.recentTurns(sessionId, now.minus(timeout), RECENT_TURNS), knowledge);
        } catch (RuntimeException e) {
            // Without its history the question is still answered, read on its own.
            logger.warn("Could not read the context of session {}: {}", sessionId, e.toString());
            return SessionContext.NONE;
        }
    }

    /**
     * Reads the question alone and, when it is a short follow-up, in the light of the last topic, two ways: with the
     * topic's question beside it ("who can refer cases there?"), and with the topic's follow-ups made likelier
     * ("and in Africa?" after the European Court). A contextual reading wins only when it answers confidently on
     * another intent than the topic itself: "what about the weather?" after an ICC answer must not become a second
     * ICC answer.
     */
    private Understanding understand(TrainedKnowledge trained, Question question, SessionContext context) {
        Prediction bare = trained.classifier().classify(question);
        Understanding alone = read(trained, bare);
        List<String> words = question.words();
        if (context.topic().isEmpty() || words.size() > FollowUpCues.MAX_WORDS
                || (alone.answers() && !FollowUpCues.pointBack(words))) {
            return alone;
        }
        Intent topic = context.topic().get();
        Understanding best = alone;
        for (Prediction contextual : List.of(
                trained.classifier().classify(Question.of(question.text() + " " + topic.question())),
                bare.favouring(Set.copyOf(topic.followups()), FOLLOW_UP_PRIOR))) {
            Understanding reading = read(trained, contextual);
            boolean movesOn = reading.answers() && !reading.intent().orElseThrow().id().equals(topic.id())
                    && !reading.intent().orElseThrow().isSmallTalk();
            if (movesOn && (!best.answers() || reading.confidence() > best.confidence())) {
                best = reading;
            }
        }
        return best;
    }

    private Understanding read(TrainedKnowledge trained, Prediction prediction) {
        double confidence = prediction.bestIntent().map(ScoredIntent::score).orElse(0.0);
        KnowledgeBase knowledge = trained.knowledge();
        Optional<Intent> intent = knowledge.find(prediction.top().intent());
        if (trained.policy().fallsBack(prediction) || intent.isEmpty()) {
            return new Understanding(prediction, confidence, Optional.empty(), List.of());
        }
        List<Intent> candidates = settings.clarification()
                .candidates(prediction, id -> knowledge.find(id).filter(found -> !found.isSmallTalk()).isPresent())
                .stream().map(scored -> knowledge.find(scored.intent()).orElseThrow()).toList();
        return new Understanding(prediction, confidence, candidates.isEmpty() ? intent : Optional.empty(),
                candidates);
    }

    private BotReply respond(KnowledgeBase knowledge, Understanding understood, SessionContext context,
                             String sessionId) {
        if (!understood.candidates().isEmpty()) {
            return new BotReply(newAnswerId(), CLARIFICATION_ANSWER, null, understood.confidence(), false, true,
                    understood.candidates().stream().map(ConversationService::suggestion).toList(), List.of(),
                    sessionId);
        }
        if (understood.intent().isEmpty()) {
            return new BotReply(newAnswerId(), FALLBACK_ANSWER, null, understood.confidence(), true, false,
                    closestQuestions(knowledge, understood.prediction(), context.answered()), List.of(), sessionId);
        }
        Intent intent = understood.intent().get();
        if (intent.continuesTopic() && context.topic().isPresent()) {
            return continueTopic(knowledge, context, understood.confidence(), sessionId);
        }
        return answer(knowledge, intent, understood.confidence(), context, sessionId);
    }

    /** "Tell me more": the first of the last topic's follow-ups not yet answered in this session. */
    private BotReply continueTopic(KnowledgeBase knowledge, SessionContext context, double confidence,
                                   String sessionId) {
        Intent topic = context.topic().orElseThrow();
        Optional<Intent> next = topic.followups().stream()
                .filter(id -> !context.answered().contains(id))
                .map(knowledge::find)
                .flatMap(Optional::stream)
                .findFirst();
        if (next.isPresent()) {
            return answer(knowledge, next.get(), confidence, context, sessionId);
        }
        return new BotReply(newAnswerId(), TOPIC_EXHAUSTED_ANSWER, null, confidence, false, false,
                starters(knowledge, context.answered()), List.of(), sessionId);
    }

    /**
     * The intent's answer, with its follow-ups as suggestions, except those the session was answered within its
     * recent context (see {@link SessionContext#answered()}): a chip that repeats an answer still on screen is a dead
     * end. The follow-ups are curated for this answer, so none are put in the place of those left out.
     */
    private static BotReply answer(KnowledgeBase knowledge, Intent intent, double confidence, SessionContext context,
                                   String sessionId) {
        var followups = intent.followups().stream().filter(id -> !context.answered().contains(id))
                .map(knowledge::find).flatMap(Optional::stream)
                .map(ConversationService::suggestion).toList();
        var sources = intent.source().stream()
                .map(source -> SourceExcerpt.of(source, knowledge.document(source.document()))).toList();
        return new BotReply(newAnswerId(), intent.answer(), intent.id(), confidence, false, false, followups,
                sources, sessionId);
    }

    /**
     * Stores the exchange before its reply leaves: an answer handed out is an exchange kept, so that feedback on it
     * works, even after a crash. When it cannot be stored the reply is withheld rather than given with an answer id
     * that names nothing.
     */
    private void keep(Exchange exchange) {
        try {
            log.record(exchange);
        } catch (RuntimeException e) {
            throw new ExchangeNotKeptException(exchange, e);
        }
    }

    private static List<Suggestion> starters(KnowledgeBase knowledge, Collection<String> except) {
        return knowledge.contentIntents().stream()
                .filter(intent -> intent.tags().contains(Intent.STARTER) && !except.contains(intent.id()))
                .map(ConversationService::suggestion)
                .toList();
    }

    /** The closest questions the session was not answered lately, the next closest taking the place of those. */
    private static List<Suggestion> closestQuestions(KnowledgeBase knowledge, Prediction prediction,
                                                     Set<String> answered) {
        if (prediction.isUniform()) {
            // Nothing in the question was known (emoji, digits, another language): no intent is closer than
            // another, so offer the curated starting points rather than the first ids in alphabetical order.
            return starters(knowledge, answered);
        }
        return prediction.ranking().stream()
                .map(scored -> knowledge.find(scored.intent()))
                .flatMap(Optional::stream)
                .filter(intent -> !intent.isSmallTalk() && !answered.contains(intent.id()))
                .limit(MAX_SUGGESTIONS)
                .map(ConversationService::suggestion)
                .toList();
    }

    private static String sessionIdOrNew(Optional<String> sessionId) {
        return sessionId.filter(id -> SESSION_ID.matcher(id).matches()).orElseGet(() -> UUID.randomUUID().toString());
    }

    private static String newAnswerId() {
        return UUID.randomUUID().toString();
    }

    private static Suggestion suggestion(Intent intent) {
        return new Suggestion(intent.id(), intent.question());
    }

    /**
     * What the bot made of a message.
     *
     * @param prediction the classifier's ranking ({@code null} when the user picked a suggestion)
     * @param confidence the best intent's probability
     * @param intent     the intent to answer; empty for a fallback or a clarification
     * @param candidates the intents to offer in a clarification; empty otherwise
     */
    private record Understanding(Prediction prediction, double confidence, Optional<Intent> intent,
                                 List<Intent> candidates) {

        /** The user picked a suggestion (a follow-up, or a clarification's candidate): no guessing needed. */
        static Understanding chosen(Intent intent) {
            return new Understanding(null, 1.0, Optional.of(intent), List.of());
        }

        boolean answers() {
            return intent.isPresent();
        }
    }
}

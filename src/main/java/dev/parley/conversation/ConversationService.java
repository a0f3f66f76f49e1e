package dev.parley.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.bot.Bot;
import dev.parley.nlu.Question;
import dev.parley.nlu.TrainedKnowledge;
import io.micrometer.core.instrument.Timer;

/**
 * Where every question is answered, whichever channel brought it: read the session's recent context, decide what
 * to do with the question ({@link DecisionReader}), say it ({@link Replies}), and keep the exchange. Here too, once
 * for every channel, each question is counted and timed ({@link ConversationMetrics}), and every log line written
 * while it is handled names its session and answer ids ({@value #SESSION_ID_LOG_KEY}, {@value #ANSWER_ID_LOG_KEY}
 * in the logging context, so fields of each structured log line).
 */
public final class ConversationService {

    /** Session ids the server hands out or accepts back: opaque, short, safe to log and to put in a URL. */
    public static final String SESSION_ID_FORMAT = "[A-Za-z0-9_-]{8,64}";
    /** What is wrong with a field that is no session id ({@link #isSessionId}): the one wording of it. */
    public static final String NOT_A_SESSION_ID = "must be 8 to 64 letters, digits, '-' or '_'";
    /** The logging context's (MDC's) key for the session id of the question being handled. */
    public static final String SESSION_ID_LOG_KEY = "sessionId";
    /** The logging context's (MDC's) key for the answer id of the question being handled. */
    public static final String ANSWER_ID_LOG_KEY = "answerId";
    private static final Pattern SESSION_ID = Pattern.compile(SESSION_ID_FORMAT);
    private static final Logger logger = LoggerFactory.getLogger(ConversationService.class);
    private static final int RECENT_TURNS = 20;

    private final ActiveKnowledge active;
    private final ExchangeLog log;
    private final ConversationProperties settings;
    private final Clock clock;
    private final DecisionReader reader;
    private final ConversationMetrics metrics;

    public ConversationService(ActiveKnowledge active, ExchangeLog log, ConversationProperties settings,
                               Clock clock, ConversationMetrics metrics) {
        this.active = active;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        this.reader = new DecisionReader(settings.clarification());
        this.metrics = metrics;
    }

    /** A service that counts nothing, for tests and measurements outside the application. */
    public ConversationService(ActiveKnowledge active, ExchangeLog log, ConversationProperties settings,
                               Clock clock) {
        this(active, log, settings, clock, ConversationMetrics.unobserved());
    }

    /**
     * How a new conversation opens: the bot file's greeting and the questions tagged {@value Intent#STARTER}, with
     * the bot's name, language and the widget's strings.
     */
    public Welcome welcome(Optional<String> sessionId) {
        KnowledgeBase knowledge = active.get().knowledge();
        return new Welcome(knowledge.bot().texts().welcome(), Replies.starters(knowledge, List.of()),
                sessionIdOrNew(sessionId), knowledge.bot());
    }

    /** The bot's own words in service now (its bot file), for what a channel says that is not a reply. */
    public Bot bot() {
        return active.get().knowledge().bot();
    }

    /**
     * Answers one message and keeps the exchange; never throws for any text a channel lets through.
     *
     * @throws ExchangeNotKeptException when the exchange cannot be stored (the database is unavailable)
     */
    public BotReply reply(UserMessage message) {
        try {
            return replyOnceKept(message).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Answers one message on the calling thread and returns without waiting for its exchange to be kept, for a
     * channel whose thread has other questions to answer meanwhile. The reply may leave only once the future
     * completes: an answer handed out is an exchange kept.
     *
     * @return completes with the reply once its exchange is kept; fails with {@link ExchangeNotKeptException} when
     *         it cannot be stored
     */
    public CompletableFuture<BotReply> replyOnceKept(UserMessage message) {
        Timer.Sample arrival = metrics.questionArrived();
        Instant askedAt = clock.instant();
        Optional<String> continued = message.sessionId().filter(ConversationService::isSessionId);
        String sessionId = continued.orElseGet(NewIds::sessionId);
        String answerId = BotReply.newAnswerId();
        try (var session = MDC.putCloseable(SESSION_ID_LOG_KEY, sessionId);
             var answer = MDC.putCloseable(ANSWER_ID_LOG_KEY, answerId)) {
            // the model and the version it was trained from, read together: the exchange names what answered it
            ActiveKnowledge.InService serving = active.inService();
            TrainedKnowledge model = serving.trained();
            Question question = Question.of(message.text());
            // a session id made just now has no history to read
            SessionContext context = continued.isPresent() ? contextOf(sessionId, askedAt, model.knowledge())
                    : SessionContext.NONE;
            Decision decision = metrics.timeDecision(
                    () -> reader.read(question, message.chosenIntent(), context, model));
            BotReply reply = decision.handle(new Replies(model.knowledge(), context, sessionId, answerId));
            var exchange = new Exchange(reply.answerId(), askedAt, sessionId, message.channel(), question.text(),
                    question.normalised(), reply.intent(), decision.confidence(), reply.fallback(),
                    reply.clarification(), serving.version().version(), model.kind().settingName());
            return keep(exchange).thenApply(kept -> {
                replied(message.channel(), decision, reply, arrival);
                return reply;
            });
        }
    }

    // where the commit completes, perhaps on the database writer's thread: kept short, and the log line names its
    // ids again, leaving the thread's logging context as it found it (this may also run inside the caller's scope)
    private void replied(Channel channel, Decision decision, BotReply reply, Timer.Sample arrival) {
        metrics.replied(channel, decision, arrival);
        if (logger.isDebugEnabled()) {
            Map<String, String> before = MDC.getCopyOfContextMap();
            try {
                MDC.put(SESSION_ID_LOG_KEY, reply.sessionId());
                MDC.put(ANSWER_ID_LOG_KEY, reply.answerId());
                // what was decided, never the question's text (parley.history.store-question-text may forbid it)
                logger.debug("Replied on {} with {} ({}, confidence {})", channel,
                        reply.intent() != null ? reply.intent() : "no intent", decision.getClass().getSimpleName(),
                        decision.confidence());
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        }
    }

    /**
     * Keeps a user's verdict on an answer, stamped now by the service's clock, as every exchange is.
     *
     * @param answerId as {@link AnswerFeedback#answerId(String)} read it
     * @param comment  as {@link AnswerFeedback#comment(String)} read it
     * @throws UnknownAnswerException when no such answer was given (or retention has deleted it)
     */
    public void feedback(String answerId, boolean helpful, Optional<String> comment) {
        var feedback = new AnswerFeedback(answerId, helpful, comment, clock.instant());
        if (!log.recordFeedback(feedback)) {
            throw new UnknownAnswerException(feedback.answerId());
        }
        metrics.feedback(helpful);
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
     * Stores the exchange before its reply leaves: an answer handed out is an exchange kept, so that feedback on it
     * works, even after a crash. When it cannot be stored the reply is withheld rather than given with an answer id
     * that names nothing.
     */
    private CompletableFuture<Void> keep(Exchange exchange) {
        CompletableFuture<Void> kept;
        try {
            kept = log.record(exchange);
        } catch (RuntimeException e) { // a log that throws rather than failing its future withholds the reply too
            kept = CompletableFuture.failedFuture(e);
        }
        return kept.exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                new ExchangeNotKeptException(exchange, asRuntime(failure))));
    }

    private static RuntimeException asRuntime(Throwable failure) {
        Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /**
     * Whether {@code text} has the form of a session id ({@value #SESSION_ID_FORMAT}): the one check of it, for a
     * session a channel continues as for one the admin erases.
     */
    public static boolean isSessionId(String text) {
        return text != null && SESSION_ID.matcher(text).matches();
    }

    private static String sessionIdOrNew(Optional<String> sessionId) {
        return sessionId.filter(ConversationService::isSessionId).orElseGet(NewIds::sessionId);
    }
}

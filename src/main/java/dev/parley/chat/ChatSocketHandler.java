package dev.parley.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import dev.parley.conversation.AnswerFeedback;
import dev.parley.conversation.BotReply;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ExchangeNotKeptException;
import dev.parley.conversation.UnknownAnswerException;
import dev.parley.conversation.UserMessage;
import dev.parley.knowledge.Intent;
import dev.parley.system.QuestionAllowance;
import dev.parley.system.TooManyRequests;
import dev.parley.text.UserText;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.websocket.Session;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat channel: JSON text frames in, the conversation service's replies out (docs/protocol.md). Every bad
 * frame gets an {@code error} frame and the connection stays open; only frames over the size limit and idle
 * connections are closed, by the container.
 */
class ChatSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final String CONNECTION = "parley.connection";
    private static final int MAX_ID_LENGTH = 64;
    private static final List<String> TYPES = List.of("ask", "feedback", "ping");
    private static final Set<String> COSTLY_TYPES = Set.of("ask", "feedback");
    /** The longest one send may block waiting for a client to read: answers are a few KB, so only one that stopped. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(2);
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final ConversationService conversation;
    private final ChatSessions sessions;
    private final ChatProperties settings;
    private final JsonMapper json;
    private final QuestionAllowance clientAllowance;
    private final ChatAnswering answering;

    ChatSocketHandler(ConversationService conversation, ChatSessions sessions, ChatProperties settings,
                      JsonMapper json, QuestionAllowance clientAllowance, ChatAnswering answering) {
        this.conversation = conversation;
        this.sessions = sessions;
        this.settings = settings;
        this.json = json;
        this.clientAllowance = clientAllowance;
        this.answering = answering;
    }

    /** What the handler keeps per connection. */
    private record Connection(WebSocketSession out, Bucket allowance, String client, String sessionId,
                              TextMessageParts parts, AtomicLong binaryBytes, ChatAnswering.Line questions) {
    }

    // The container hands over text in parts of its (small) buffer, and this handler joins them up to the frame
    // limit: a buffer as large as the limit in every connection would be most of what an idle chat costs
    // (ChatConfiguration).
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        var welcome = conversation.welcome(requestedSessionId(session));
        // An answer is written on a sending thread; a client that stops reading must not hold it for Tomcat's
        // default 20 s. (Other containers ignore the property.)
        Session own = session instanceof NativeWebSocketSession standard
                ? standard.getNativeSession(Session.class) : null;
        if (own != null) {
            own.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, SEND_TIMEOUT.toMillis());
        }
        // Replies and shutdown may write from different threads; the decorator serialises sends.
        var out = new ConcurrentWebSocketSessionDecorator(session, 10_000, 512 * 1024);
        var connection = new Connection(out, allowance(),
                String.valueOf(session.getAttributes().get(ClientConnectionLimits.CLIENT)), welcome.sessionId(),
                new TextMessageParts(settings.maxFrameChars()), new AtomicLong(), new ChatAnswering.Line());
        session.getAttributes().put(CONNECTION, connection);
        sessions.opened(out);
        send(connection, ServerMessages.WelcomeMessage.of(welcome));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        var connection = (Connection) session.getAttributes().get(CONNECTION);
        if (connection != null) {
            sessions.closed(connection.out());
        }
    }

    // TextWebSocketHandler would close the connection (1003); the protocol promises an error and an open line.
    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        var connection = (Connection) session.getAttributes().get(CONNECTION);
        try {
            // its parts are not kept, but a message without end would be a free stream past the rate limit: past the
            // frame limit (in bytes) it is closed, as a text message past it is
            long size = connection.binaryBytes().addAndGet(message.getPayloadLength());
            if (size > settings.maxFrameChars()) {
                connection.binaryBytes().set(0);
                connection.out().close(CloseStatus.TOO_BIG_TO_PROCESS.withReason(
                        "a frame may hold at most " + settings.maxFrameChars() + " characters"));
                return;
            }
            if (!message.isLast()) {
                return; // one error for the whole message, at its last part
            }
            connection.binaryBytes().set(0);
            error(connection, null, ChatError.BINARY_NOT_SUPPORTED,
                    "Send text frames holding JSON; binary frames are not part of the protocol.");
        } catch (IOException e) {
            throw new UncheckedIOException("could not answer a binary frame", e);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage part) throws IOException {
        var connection = (Connection) session.getAttributes().get(CONNECTION);
        var joined = connection.parts().add(part.getPayload(), part.isLast());
        if (joined instanceof TextMessageParts.Joined.Whole whole) {
            handleFrame(connection, whole.text());
        } else if (joined instanceof TextMessageParts.Joined.TooBig) {
            connection.out().close(CloseStatus.TOO_BIG_TO_PROCESS.withReason(
                    "a frame may hold at most " + settings.maxFrameChars() + " characters"));
        }
    }

    private void handleFrame(Connection connection, String frame) throws IOException {
        var taken = connection.allowance().tryConsumeAndReturnRemaining(1);
        if (!taken.isConsumed()) {
            error(connection, null, ChatError.RATE_LIMITED, conversation.bot().texts()
                    .rateLimited(TooManyRequests.retryAfterSeconds(Duration.ofNanos(taken.getNanosToWaitForRefill()))));
            return;
        }
        ClientMessage message;
        try {
            message = json.readValue(frame, ClientMessage.class);
        } catch (JacksonException e) {
            message = null;
        }
        if (message == null) {
            error(connection, null, ChatError.MALFORMED_JSON,
                    "Send a JSON object such as {\"type\":\"ask\",\"id\":\"c1\",\"text\":\"How long does delivery take?\"}.");
            return;
        }
        if (message.id() != null && message.id().length() > MAX_ID_LENGTH) {
            error(connection, null, ChatError.BAD_ID, "'id' must be at most " + MAX_ID_LENGTH + " characters long.");
            return;
        }
        String type = Optional.ofNullable(message.type()).orElse("");
        if (COSTLY_TYPES.contains(type) && !withinClientAllowance(connection, message)) {
            return;
        }
        switch (type) {
            case "ask" -> ask(connection, message);
            case "feedback" -> feedback(connection, message);
            case "ping" -> send(connection, ServerMessages.Pong.to(message.id()));
            default -> error(connection, message.id(), ChatError.UNKNOWN_TYPE,
                    "Unknown message type '" + type + "'; known types: " + String.join(", ", TYPES) + ".");
        }
    }

    /**
     * Asks and feedback draw on the client's allowance over all its connections and REST ({@link QuestionAllowance}):
     * many connections do not multiply it. A ping costs nothing to answer and keeps a quiet widget connected.
     */
    private boolean withinClientAllowance(Connection connection, ClientMessage message) throws IOException {
        var take = clientAllowance.take(connection.client());
        if (!take.taken()) {
            error(connection, message.id(), ChatError.RATE_LIMITED,
                    conversation.bot().texts().rateLimited(TooManyRequests.retryAfterSeconds(take.retryAfter())));
        }
        return take.taken();
    }

    private void ask(Connection connection, ClientMessage message) throws IOException {
        String text = message.text();
        Optional<UserText.Problem> problem = UserMessage.problemWith(text);
        if (problem.isPresent()) {
            var code = switch (problem.get().kind()) {
                case BLANK -> ChatError.BLANK_TEXT;
                case MALFORMED, NONCHARACTER, CONTROL -> ChatError.MALFORMED_TEXT;
                case TOO_LONG -> ChatError.TEXT_TOO_LONG;
            };
            error(connection, message.id(), code, "'text' " + problem.get().description() + ".");
            return;
        }
        if (message.intent() != null && !Intent.hasIdFormat(message.intent())) {
            error(connection, message.id(), ChatError.BAD_INTENT, "'intent' " + Intent.NOT_AN_ID + ".");
            return;
        }
        send(connection, ServerMessages.Typing.to(message.id()));
        if (!answering.take(connection.questions(), () -> answer(connection, message))) {
            error(connection, message.id(), ChatError.BUSY, conversation.bot().texts().unavailable());
        }
    }

    /**
     * On one of {@link ChatAnswering}'s threads: works the reply out and returns its sending, which may run only once
     * the exchange is kept (docs/protocol.md: no answer without its exchange stored).
     */
    private CompletableFuture<Runnable> answer(Connection connection, ClientMessage message) {
        CompletableFuture<BotReply> reply;
        try {
            reply = conversation.replyOnceKept(new UserMessage(message.text(), Optional.of(connection.sessionId()),
                    Channel.WEBSOCKET, Optional.ofNullable(message.intent())));
        } catch (RuntimeException e) {
            log.error("Answering a chat message failed", e);
            return CompletableFuture.completedFuture(() -> sendOrDrop(connection, unavailable(message.id())));
        }
        // completed where the commit completes (the database's writer): only the sending is made here, and the
        // sending thread logs a failure, so that a database that is down does not slow the writer with stack traces
        return reply.handle((kept, failure) -> {
            if (failure == null) {
                return () -> sendOrDrop(connection, ServerMessages.Answer.to(message.id(), kept));
            }
            return () -> {
                if (failure instanceof ExchangeNotKeptException
                        || failure.getCause() instanceof ExchangeNotKeptException) {
                    // the answer id would name nothing
                    log.error("Withheld a chat answer: its exchange could not be stored", failure);
                } else {
                    log.error("Answering a chat message failed", failure);
                }
                sendOrDrop(connection, unavailable(message.id()));
            };
        });
    }

    /** The error of a message taken and then failed on our side: the bot file's words for the visitor. */
    private ServerMessages.Error unavailable(String replyTo) {
        return ServerMessages.Error.of(replyTo, ChatError.INTERNAL, conversation.bot().texts().unavailable());
    }

    /**
     * Sends from a sending thread. The exchange is kept whether or not its chat is still there to hear the answer;
     * a send that fails leaves the connection closed, so that a client which stopped reading holds a sending thread
     * for one send's timeout ({@link #SEND_TIMEOUT}) and not for every answer after it.
     */
    private void sendOrDrop(Connection connection, Object message) {
        var text = new TextMessage(json.writeValueAsString(message));
        try {
            connection.out().sendMessage(text);
        } catch (SessionLimitExceededException e) {
            log.debug("A chat's replies waited past its send limits: {}", e.getMessage());
            closeQuietly(connection, e.getStatus());
        } catch (IOException | RuntimeException e) {
            log.debug("A chat answer found its connection gone: {}", e.toString());
            closeQuietly(connection, CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    private static void closeQuietly(Connection connection, CloseStatus status) {
        try {
            connection.out().close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing a chat that could not be sent to: {}", e.toString());
        }
    }

    private void feedback(Connection connection, ClientMessage message) throws IOException {
        Optional<String> answerId = AnswerFeedback.answerId(message.answerId());
        if (answerId.isEmpty()) {
            error(connection, message.id(), ChatError.BAD_FEEDBACK,
                    "'answerId' must be the answerId of an answer, a UUID.");
            return;
        }
        // A string or a number is no verdict: read as none, it is refused as a missing one.
        Boolean verdict = message.helpful() != null && message.helpful().isBoolean()
                ? message.helpful().booleanValue() : null;
        var problems = AnswerFeedback.problemsWith(verdict, message.comment());
        if (!problems.isEmpty()) {
            var first = problems.get(0);
            error(connection, message.id(), ChatError.BAD_FEEDBACK,
                    "'" + first.field() + "' " + first.description() + ".");
            return;
        }
        boolean helpful = verdict;
        Optional<String> comment = AnswerFeedback.comment(message.comment());
        try {
            conversation.feedback(answerId.get(), helpful, comment);
        } catch (UnknownAnswerException e) {
            error(connection, message.id(), ChatError.UNKNOWN_ANSWER, e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.error("Keeping feedback failed", e);
            send(connection, unavailable(message.id()));
            return;
        }
        send(connection, ServerMessages.FeedbackReceived.to(message.id(), answerId.get(), helpful));
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Chat transport error on {}: {}", session.getId(), exception.toString());
    }

    private void error(Connection connection, String replyTo, ChatError error, String message) throws IOException {
        send(connection, ServerMessages.Error.of(replyTo, error, message));
    }

    private void send(Connection connection, Object message) throws IOException {
        connection.out().sendMessage(new TextMessage(json.writeValueAsString(message)));
    }

    private Bucket allowance() {
        var limit = settings.rateLimit();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)).build())
                .build();
    }

    private static Optional<String> requestedSessionId(WebSocketSession session) {
        return Optional.ofNullable(session.getUri())
                .map(uri -> UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("sessionId"));
    }
}

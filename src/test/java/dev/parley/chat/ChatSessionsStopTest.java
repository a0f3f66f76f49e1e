package dev.parley.chat;

import static dev.parley.chat.ChatFixtures.answering;
import static dev.parley.chat.ChatFixtures.worked;
import static dev.parley.testing.Gate.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import dev.parley.testing.Gate;

/** A stopping server answers the chat questions it took before it closes their connections. */
class ChatSessionsStopTest {

    @Test
    void answersTheQuestionsTakenBeforeClosingTheChatsWithGoingAway() throws InterruptedException {
        var answering = answering(2, 100);
        var sessions = new ChatSessions(answering);
        var closed = new AtomicReference<CloseStatus>();
        sessions.opened(session(closed));
        var gate = new Gate();
        var closedWhenAnswered = new AtomicBoolean(true);
        answering.take(new ChatAnswering.Line(), worked(() -> {
            gate.pass();
            closedWhenAnswered.set(closed.get() != null);
        }));

        var stopped = CompletableFuture.runAsync(sessions::stop);
        // once it takes nothing more the stop has begun; had it closed first, the chat would be closed by now
        await().atMost(PATIENCE).until(() -> !answering.take(new ChatAnswering.Line(), worked(() -> { })));
        gate.open();

        assertThat(stopped).succeedsWithin(PATIENCE);
        assertThat(closedWhenAnswered).as("the chat was still open when its answer was ready").isFalse();
        assertThat(closed.get()).isNotNull().extracting(CloseStatus::getCode).isEqualTo(CloseStatus.GOING_AWAY.getCode());
        answering.destroy();
    }

    /** Spring may stop a context and start it again (its test context cache does): the chat answers again then. */
    @Test
    void answersAgainWhenStartedAfterAStop() throws InterruptedException {
        var answering = answering(1, 10);
        var sessions = new ChatSessions(answering);
        sessions.start();
        sessions.stop();
        sessions.start();
        var answered = new CompletableFuture<Void>();

        assertThat(answering.take(new ChatAnswering.Line(), worked(() -> answered.complete(null)))).isTrue();
        assertThat(answered).succeedsWithin(PATIENCE);
        answering.destroy();
    }

    // only what ChatSessions calls; a proxy, since WebSocketSession is Spring's interface of many methods
    private static WebSocketSession session(AtomicReference<CloseStatus> closed) {
        return (WebSocketSession) Proxy.newProxyInstance(WebSocketSession.class.getClassLoader(),
                new Class<?>[] {WebSocketSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        closed.set(args == null ? CloseStatus.NORMAL : (CloseStatus) args[0]);
                        yield null;
                    }
                    case "getId" -> "chat-1";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "chat-1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

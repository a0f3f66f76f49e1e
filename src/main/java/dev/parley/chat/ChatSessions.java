package dev.parley.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The open chat connections. On shutdown the questions already taken are answered first, then each connection is
 * closed with 1001 "going away", so that widgets reconnect (to another instance, where there are several) instead of
 * waiting for a dead socket to time out.
 */
@Component
class ChatSessions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatSessions.class);

    /**
     * How long a stop waits for the questions already taken: what a busy server answers in that time (some 3,000 at
     * 333 a second on 2 cores); a full queue of 10,000 would take longer, and those not begun are asked again by
     * their clients when they reconnect.
     */
    private static final Duration ANSWERS_AT_STOP = Duration.ofSeconds(10);

    private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();
    private final ChatAnswering answering;
    private volatile boolean running;

    ChatSessions(ChatAnswering answering) {
        this.answering = answering;
    }

    void opened(WebSocketSession session) {
        open.add(session);
    }

    void closed(WebSocketSession session) {
        open.remove(session);
    }

    /** How many connections are open now. */
    int count() {
        return open.size();
    }

    /** Closes every connection with the given status; clients are expected to reconnect. */
    void closeAll(CloseStatus status) {
        for (WebSocketSession session : open) {
            try {
                session.close(status);
            } catch (IOException e) {
                log.debug("Closing chat connection {} failed", session.getId(), e);
            }
        }
    }

    @Override
    public void start() {
        answering.resume();
        running = true;
    }

    @Override
    public void stop() {
        answering.finish(ANSWERS_AT_STOP);
        closeAll(CloseStatus.GOING_AWAY.withReason("server shutting down"));
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

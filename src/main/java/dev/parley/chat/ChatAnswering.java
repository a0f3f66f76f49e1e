package dev.parley.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Answers the chats' questions on a few threads of its own, so the web server's request threads are not where they
 * wait.
 *
 * <p>Answering a question is mostly the sentence encoder's CPU. On the container's request threads, 10,000 chats asking
 * at once ran up to 200 questions side by side on 2 cores: each took as long as all of them, and a REST ask or a
 * handshake arriving meanwhile waited as long (docs/benchmarks.md, "A chat question's own threads"). Here at most
 * {@code threads} questions are worked out at once and the rest wait their turn, so the request threads stay free
 * for REST and for handshakes. A thread does not wait for its exchange's commit: it goes on to the next question, and
 * the reply is sent once the commit completes, on sending threads of its own, so that a client slow to read holds a
 * sender and not the encoder.
 *
 * <p>One connection's questions are answered one at a time and in the order sent (a follow-up is read in the light of
 * the answer before it, which is kept and sent before the next is begun). At most {@code maxWaiting} questions wait,
 * are answered or are being sent; past that, and once the server is stopping, a question is not taken and the chat
 * gets a {@code busy} error.
 */
@Component
class ChatAnswering implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChatAnswering.class);
    /** How long the end of the application waits for the threads, once a stop has answered or given up. */
    private static final Duration THREADS_AT_END = Duration.ofSeconds(5);
    /**
     * Sending threads at most: a client that stopped reading holds one for a send's timeout, and the others' replies
     * go on past a few such clients. Sends are short, so few of them are alive at a time; idle ones end.
     */
    private static final int SENDERS = 16;
    private static final CompletableFuture<Runnable> NOTHING_TO_SEND = CompletableFuture.completedFuture(() -> { });

    private final ThreadPoolExecutor pool;
    private final ThreadPoolExecutor senders;
    private final int maxWaiting;
    // a place for every question that may wait, be answered, wait for its commit (up to the log's 30 s) or be sent;
    // finish() takes them all, so nothing is taken after it
    private final Semaphore places;
    private volatile boolean stopping;
    // a stop that could not wait for every question: those not begun are dropped with their connections, unstored,
    // and the client asks them again when it reconnects
    private volatile boolean givenUp;

    ChatAnswering(ChatProperties settings) {
        var answering = settings.answering();
        int count = answering.threadCount();
        // Past the end of the pool a question is run where it was handed over, and sees that it is given up: it
        // gives its place back rather than being lost inside its connection's chain of questions.
        this.pool = new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new CustomizableThreadFactory("parley-chat-"), (question, pool) -> question.run());
        // Past the end of the senders, a send runs where its commit completed; the chats are closed by then (the
        // stop closes them before the application ends), so it fails at once rather than waiting on a client.
        this.senders = new ThreadPoolExecutor(SENDERS, SENDERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new CustomizableThreadFactory("parley-chat-send-"), (send, pool) -> send.run());
        senders.allowCoreThreadTimeOut(true);
        this.maxWaiting = answering.maxWaiting();
        this.places = new Semaphore(maxWaiting);
    }

    /** One connection's questions, answered one after another in the order taken. */
    static final class Line {
        private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    }

    /**
     * Takes a question to be answered after those its connection asked before.
     *
     * @param answer run on an answering thread: works the reply out and returns at once what completes, once the
     *               reply may leave (its exchange kept), with the sending of it; that is run on a sending thread
     * @return false, and nothing will run, when {@code maxWaiting} questions already wait or the server is stopping
     */
    boolean take(Line line, Supplier<? extends CompletionStage<Runnable>> answer) {
        if (!places.tryAcquire()) {
            return false;
        }
        // checked after taking a place: a stop that began meanwhile either waits for this place or is seen here
        if (stopping) {
            places.release();
            return false;
        }
        synchronized (line) {
            // the chain's every link completes normally, so the next question runs whatever became of this one
            line.last = line.last
                    .thenComposeAsync(before -> givenUp ? NOTHING_TO_SEND : answer.get(), pool)
                    .thenAcceptAsync(Runnable::run, senders)
                    .handle((sent, failure) -> {
                        places.release();
                        if (failure != null) {
                            log.error("Answering a chat question failed", failure);
                        }
                        return null;
                    });
        }
        return true;
    }

    /** Questions taken and not yet answered, for an operator: the places not free. */
    int waiting() {
        return maxWaiting - places.availablePermits();
    }

    /**
     * Takes no more questions and answers those already taken, for at most {@code within}; called as the server stops,
     * before the chats are closed, so that a question taken is answered rather than dropped with its connection.
     * Those not begun by then are not answered.
     */
    synchronized void finish(Duration within) {
        stopping = true;
        try {
            if (places.tryAcquire(maxWaiting, within.toMillis(), TimeUnit.MILLISECONDS)) {
                places.release(maxWaiting); // for a start after this stop (a context may be stopped and started again)
            } else {
                givenUp = true;
                log.warn("{} chat questions were still waiting or being answered after {} s; those not begun are "
                        + "dropped with their chats, which ask them again", waiting(), within.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes questions again, after {@link #finish}. */
    synchronized void resume() {
        givenUp = false;
        stopping = false;
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        givenUp = true;
        for (var threads : List.of(pool, senders)) {
            threads.shutdown();
            if (!threads.awaitTermination(THREADS_AT_END.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        }
    }
}

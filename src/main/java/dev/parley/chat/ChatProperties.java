package dev.parley.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the WebSocket chat ({@code parley.chat.*}, documented in application.yml and docs/protocol.md).
 *
 * @param maxFrameChars largest text frame accepted, in characters; a larger one closes the connection with 1009
 * @param idleTimeout   a connection silent for this long is closed
 * @param rateLimit     how many messages one connection may send
 * @param maxConnectionsPerClient chat connections one client address may hold open at once; 0 for no cap
 * @param handshakesPerMinute     chat connections one client address may open per minute (also the burst); 0 for
 *                                no cap
 * @param answering               the threads that answer chat questions ({@link ChatAnswering})
 */
@ConfigurationProperties("parley.chat")
record ChatProperties(@DefaultValue("16384") int maxFrameChars, @DefaultValue("10m") Duration idleTimeout,
                      @DefaultValue RateLimit rateLimit, @DefaultValue("200") int maxConnectionsPerClient,
                      @DefaultValue("120") int handshakesPerMinute, @DefaultValue Answering answering) {

    /**
     * The chats' own answering threads.
     *
     * @param threads    questions answered at once; 0 for {@value #THREADS_PER_CORE} per core
     * @param maxWaiting questions that may wait or be answered at once over all chats; past it a chat gets
     *                   {@code busy}
     */
    record Answering(@DefaultValue("0") int threads, @DefaultValue("10000") int maxWaiting) {

        /**
         * A thread works a reply out and goes on (the commit and the send are not its wait), but it also reads the
         * session's context from the database and shares the cores with the database's writer: with one per core the
         * first half-minute's backlog of 10,000 chats drained slower (docs/benchmarks.md).
         */
        private static final int THREADS_PER_CORE = 2;

        Answering {
            if (threads < 0) {
                throw new IllegalArgumentException("parley.chat.answering.threads must be 0 (per core) or more");
            }
            if (maxWaiting < 1) {
                throw new IllegalArgumentException("parley.chat.answering.max-waiting must be at least 1");
            }
        }

        /** The threads to run: as set, or {@value #THREADS_PER_CORE} per core for 0. */
        int threadCount() {
            return threads > 0 ? threads : THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * A token bucket per connection.
     *
     * @param burst     messages that may come at once
     * @param perMinute how fast the allowance refills
     */
    record RateLimit(@DefaultValue("10") int burst, @DefaultValue("30") int perMinute) {
    }
}

package dev.parley.chat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What the chat's tests build the same way. */
final class ChatFixtures {

    private ChatFixtures() {
    }

    /** Answering threads with the default chat settings but these two. */
    static ChatAnswering answering(int threads, int maxWaiting) {
        return new ChatAnswering(new ChatProperties(16_384, Duration.ofMinutes(10), new ChatProperties.RateLimit(10, 30),
                200, 120, new ChatProperties.Answering(threads, maxWaiting)));
    }

    /** A question whose answering is only {@code work}, with nothing to send. */
    static Supplier<CompletableFuture<Runnable>> worked(Runnable work) {
        return () -> {
            work.run();
            return CompletableFuture.completedFuture(() -> { });
        };
    }
}

package dev.parley.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where work on another thread waits until the test lets it through: a test holds a question "being answered" for
 * as long as it needs, without sleeping.
 */
public final class Gate {

    /** How long a test waits for other threads to get round to something: generous, never a timing claim. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private final CountDownLatch latch = new CountDownLatch(1);

    /** Lets through whatever waits here, and whatever comes later. */
    public void open() {
        latch.countDown();
    }

    /** Waits until the gate is open; fails the waiting work if the test never opens it. */
    public void pass() {
        try {
            if (!latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never opened its gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

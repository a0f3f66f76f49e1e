package dev.parley.system;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client ({@link ClientAddress#limitKey()}) under one limit: the one place where a limit per
 * client counts. Where the buckets are kept is the {@link BucketStores}' business: this instance's memory with H2,
 * the database shared by every instance with PostgreSQL; the counting here is the same for both.
 */
public final class ClientBuckets {

    private final BucketStores.BucketStore store;
    private final Supplier<BucketConfiguration> configuration;

    private ClientBuckets(BucketStores.BucketStore store, Bandwidth limit) {
        this.store = store;
        BucketConfiguration fixed = limit == null ? null : BucketConfiguration.builder().addLimit(limit).build();
        this.configuration = () -> fixed;
    }

    /** No limit: every take succeeds, nothing is kept. */
    public static ClientBuckets off() {
        return new ClientBuckets(null, null);
    }

    /**
     * {@code capacity} at once, refilled steadily at {@code perMinute} (a token every minute / perMinute). Either
     * being 0 turns the limit off.
     *
     * @param limit the limit's name among the {@link BucketStores}' limits
     */
    public static ClientBuckets perMinute(BucketStores stores, String limit, int capacity, int perMinute) {
        if (capacity <= 0 || perMinute <= 0) {
            return off();
        }
        return new ClientBuckets(stores.forLimit(limit, untilFull(capacity, perMinute)),
                perMinute(capacity, perMinute));
    }

    /**
     * {@code capacity} per {@code window}, all of it given back at once when the window ends; 0 turns it off.
     *
     * @param limit the limit's name among the {@link BucketStores}' limits
     */
    public static ClientBuckets perWindow(BucketStores stores, String limit, int capacity, Duration window) {
        if (capacity <= 0 || window.isZero() || window.isNegative()) {
            return off();
        }
        return new ClientBuckets(stores.forLimit(limit, window.plusSeconds(1)),
                Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build());
    }

    /** {@code capacity} at once, refilled steadily at {@code perMinute}: the bandwidth of {@link #perMinute}. */
    public static Bandwidth perMinute(int capacity, int perMinute) {
        return Bandwidth.builder().capacity(capacity).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }

    /** How long an empty bucket of {@link #perMinute(int, int)} takes to be full again, and a second more. */
    public static Duration untilFull(int capacity, int perMinute) {
        return Duration.ofMinutes(1).multipliedBy(capacity).dividedBy(perMinute).plusSeconds(1);
    }

    /** Whether this limit counts anything at all. */
    public boolean enabled() {
        return store != null;
    }

    /**
     * Takes one token from the client's bucket.
     *
     * @return what happened: taken (with the tokens left) or refused (with the wait until one is available)
     */
    public Take take(String key) {
        if (store == null) {
            return new Take(true, Long.MAX_VALUE, Duration.ZERO);
        }
        return Take.from(store.bucket(key, configuration));
    }

    /** Puts back a token taken for something that turned out not to count (up to the bucket's capacity). */
    public void giveBack(String key) {
        if (store != null) {
            store.existing(key, configuration).ifPresent(bucket -> bucket.addTokens(1));
        }
    }

    /** How long until the client's bucket holds a token again; empty when it holds one now. Takes nothing. */
    public Optional<Duration> waitFor(String key) {
        if (store == null) {
            return Optional.empty();
        }
        return store.existing(key, configuration).map(bucket -> bucket.estimateAbilityToConsume(1))
                .filter(probe -> !probe.canBeConsumed())
                .map(probe -> Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * The outcome of one {@link #take(String)}.
     *
     * @param taken      whether a token was taken
     * @param remaining  tokens left after it
     * @param retryAfter when refused, how long until a token is available
     */
    public record Take(boolean taken, long remaining, Duration retryAfter) {

        /** Takes one token from a bucket. */
        public static Take from(Bucket bucket) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return new Take(probe.isConsumed(), probe.getRemainingTokens(),
                    probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}

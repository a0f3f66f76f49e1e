package dev.parley.system;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client ({@link ClientAddress#limitKey()}): the one place where a limit per client keeps its
 * count. The buckets live in this instance's memory, in a cache of at most {@link #MAX_CLIENTS} keys, so a flood
 * of addresses cannot exhaust memory; a bucket left alone until it would be full again is dropped, since a new one
 * starts full anyway.
 *
 * <p>Limits are per instance. To share them across instances, what changes is how a key finds its bucket
 * ({@link #bucket(String)}, {@link #existingBucket(String)}): a bucket4j {@code ProxyManager} (its PostgreSQL or
 * JDBC backend) gives a {@code BucketProxy} per key for a {@code BucketConfiguration} of the same
 * {@link Bandwidth}, and the callers stay as they are.
 */
public final class ClientBuckets {

    /** The most clients whose buckets are kept at once; beyond it the least useful ones are dropped. */
    static final int MAX_CLIENTS = 50_000;

    private final Bandwidth limit;
    private final Cache<String, Bucket> buckets;

    private ClientBuckets(Bandwidth limit, Duration untilFull) {
        this.limit = limit;
        this.buckets = limit == null ? null
                : Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(untilFull).build();
    }

    /** No limit: every take succeeds, nothing is kept. */
    public static ClientBuckets off() {
        return new ClientBuckets(null, null);
    }

    /**
     * {@code capacity} at once, refilled steadily at {@code perMinute} (a token every minute / perMinute). Either
     * being 0 turns the limit off.
     */
    public static ClientBuckets perMinute(int capacity, int perMinute) {
        if (capacity <= 0 || perMinute <= 0) {
            return off();
        }
        Duration untilFull = Duration.ofMinutes(1).multipliedBy(capacity).dividedBy(perMinute).plusSeconds(1);
        return new ClientBuckets(Bandwidth.builder().capacity(capacity)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build(), untilFull);
    }

    /** {@code capacity} per {@code window}, all of it given back at once when the window ends; 0 turns it off. */
    public static ClientBuckets perWindow(int capacity, Duration window) {
        if (capacity <= 0 || window.isZero() || window.isNegative()) {
            return off();
        }
        return new ClientBuckets(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build(),
                window.plusSeconds(1));
    }

    /** Whether this limit counts anything at all. */
    public boolean enabled() {
        return limit != null;
    }

    /**
     * Takes one token from the client's bucket.
     *
     * @return what happened: taken (with the tokens left) or refused (with the wait until one is available)
     */
    public Take take(String key) {
        if (limit == null) {
            return new Take(true, Long.MAX_VALUE, Duration.ZERO);
        }
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return new Take(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Puts back a token taken for something that turned out not to count (up to the bucket's capacity). */
    public void giveBack(String key) {
        if (limit != null) {
            existingBucket(key).ifPresent(bucket -> bucket.addTokens(1));
        }
    }

    /** How long until the client's bucket holds a token again; empty when it holds one now. Takes nothing. */
    public Optional<Duration> waitFor(String key) {
        if (limit == null) {
            return Optional.empty();
        }
        return existingBucket(key).map(bucket -> bucket.estimateAbilityToConsume(1))
                .filter(probe -> !probe.canBeConsumed())
                .map(probe -> Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limit).build());
    }

    /** The client's bucket if it has one; one that has none would get a full one. */
    private Optional<Bucket> existingBucket(String key) {
        return Optional.ofNullable(buckets.getIfPresent(key));
    }

    /**
     * The outcome of one {@link #take(String)}.
     *
     * @param taken      whether a token was taken
     * @param remaining  tokens left after it
     * @param retryAfter when refused, how long until a token is available
     */
    public record Take(boolean taken, long remaining, Duration retryAfter) {
    }
}

package dev.parley.system;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the token buckets of the limits per client are kept: the one seam between a limit ({@link ClientBuckets},
 * the API keys' quotas) and its storage. With H2 (one instance) they live in this instance's memory
 * ({@link LocalBucketStores}); with PostgreSQL in a table that every instance on the database takes its tokens
 * from ({@link PostgresBucketStores}), so N instances allow the limit once, not N times. Chosen by the database in
 * use ({@link BucketStoreConfiguration}).
 *
 * <p>One rule for the keys: a bucket is named {@code limit:client} ({@link #key}), the limit's name
 * ({@code api}, {@code chat-handshake}, {@code admin-sign-in}, {@code api-key}) before the client's
 * {@link ClientAddress#limitKey()} or an API key's id, so limits never share a bucket.
 */
public interface BucketStores {

    /**
     * The buckets of one limit.
     *
     * @param limit     the limit's name, unique among the limits
     * @param untilFull how long a bucket left alone takes to be full again: after that it may be forgotten, since a
     *                  new one starts full anyway
     */
    BucketStore forLimit(String limit, Duration untilFull);

    /** Whether the buckets are shared with other instances (kept in the database). */
    boolean shared();

    /** The name of a client's bucket under a limit: the one rule every store keys its buckets by. */
    static String key(String limit, String client) {
        return limit + ":" + client;
    }

    /** The buckets of one limit, by client. */
    interface BucketStore {

        /** The client's bucket, created full from the configuration when there is none yet. */
        Bucket bucket(String client, Supplier<BucketConfiguration> configuration);

        /**
         * The client's bucket if it has one. A store that cannot tell cheaply may give a new full one: the same, to
         * every caller, as none.
         */
        Optional<Bucket> existing(String client, Supplier<BucketConfiguration> configuration);
    }
}

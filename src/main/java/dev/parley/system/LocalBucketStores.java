package dev.parley.system;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * The buckets in this instance's memory (one instance, H2): per limit a cache of at most {@link #MAX_CLIENTS}
 * clients, so a flood of addresses cannot exhaust memory; a bucket left alone until it would be full again is
 * dropped, since a new one starts full anyway.
 */
public final class LocalBucketStores implements BucketStores {

    /** The most clients whose buckets one limit keeps at once; beyond it the least useful ones are dropped. */
    static final int MAX_CLIENTS = 50_000;

    @Override
    public BucketStore forLimit(String limit, Duration untilFull) {
        Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(untilFull)
                .build();
        return new BucketStore() {
            @Override
            public Bucket bucket(String client, Supplier<BucketConfiguration> configuration) {
                return buckets.get(BucketStores.key(limit, client), key -> {
                    var builder = Bucket.builder();
                    for (Bandwidth bandwidth : configuration.get().getBandwidths()) {
                        builder.addLimit(bandwidth);
                    }
                    return builder.build();
                });
            }

            @Override
            public Optional<Bucket> existing(String client, Supplier<BucketConfiguration> configuration) {
                return Optional.ofNullable(buckets.getIfPresent(BucketStores.key(limit, client)));
            }
        };
    }

    @Override
    public boolean shared() {
        return false;
    }
}

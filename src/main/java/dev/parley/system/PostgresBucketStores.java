package dev.parley.system;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * The buckets in PostgreSQL, shared by every instance on the database: bucket4j's PostgreSQL backend, one row of
 * {@code rate_limit_bucket} (migration V5) per {@link BucketStores#key bucket}, read and written under
 * {@code SELECT ... FOR UPDATE}, so two instances taking from one bucket at once take one after the other. The time
 * is each instance's own clock, so the instances' clocks must agree (NTP) to within the precision a limit needs.
 *
 * <p>A row says when its bucket would be full again ({@code expires_at}); {@link #removeExpired()} deletes those
 * rows, since a new bucket starts full anyway.
 */
public final class PostgresBucketStores implements BucketStores {

    /** The table of migration V5. */
    static final String TABLE = "rate_limit_bucket";
    private static final Logger log = LoggerFactory.getLogger(PostgresBucketStores.class);
    // Kept a little past full, so a bucket read just as it fills is not deleted under its reader.
    private static final Duration KEPT_AFTER_FULL = Duration.ofSeconds(10);
    private static final int DELETED_PER_STATEMENT = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    public PostgresBucketStores(DataSource database) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_FULL))
                .build();
    }

    @Override
    public BucketStore forLimit(String limit, Duration untilFull) {
        return new BucketStore() {
            @Override
            public Bucket bucket(String client, Supplier<BucketConfiguration> configuration) {
                return buckets.builder().build(BucketStores.key(limit, client), configuration);
            }

            @Override
            public Optional<Bucket> existing(String client, Supplier<BucketConfiguration> configuration) {
                // Telling whether a row exists costs a query as well; a bucket without one acts as a full one.
                return Optional.of(bucket(client, configuration));
            }
        };
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** Deletes the rows of buckets that are full again; returns how many went. */
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(DELETED_PER_STATEMENT);
            removed += batch;
        } while (batch == DELETED_PER_STATEMENT);
        if (removed > 0) {
            log.debug("Removed {} rate-limit bucket(s) that were full again", removed);
        }
        return removed;
    }
}

package dev.parley.system;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Chooses where the limits per client keep their buckets, by the database in use: PostgreSQL, which several
 * instances may share, keeps them in its table ({@link PostgresBucketStores}); anything else (the embedded H2 of one
 * instance) in memory ({@link LocalBucketStores}), as before. No setting: a limit shared across instances is only
 * right when the database is, and an instance alone on PostgreSQL loses nothing by it but a round trip.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BucketStoreConfiguration {

    @Bean
    BucketStores bucketStores(DataSource database) throws SQLException {
        String product;
        try (var connection = database.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        return "PostgreSQL".equals(product) ? new PostgresBucketStores(database) : new LocalBucketStores();
    }

    /** Deletes the shared buckets that are full again, once a minute; the local ones expire by themselves. */
    @Bean
    ExpiredBuckets expiredBuckets(BucketStores stores) {
        return new ExpiredBuckets(stores);
    }

    static final class ExpiredBuckets {

        private final BucketStores stores;

        ExpiredBuckets(BucketStores stores) {
            this.stores = stores;
        }

        @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
        void remove() {
            if (stores instanceof PostgresBucketStores shared) {
                shared.removeExpired();
            }
        }
    }
}

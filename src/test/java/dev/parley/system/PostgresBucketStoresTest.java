package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.parley.testing.PostgresTestDatabase;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;

/**
 * The limits per client on a real PostgreSQL, as two instances see them: two stores on one database (each its own
 * {@link PostgresBucketStores}, as each instance has) count every client once, whichever of them takes, for a
 * steady refill (the API, the chat's handshakes) and a window (the admin's failed sign-ins) alike.
 */
@Requires(Requirement.POSTGRES)
class PostgresBucketStoresTest {

    private static DriverManagerDataSource database;

    @BeforeAll
    static void migrate() {
        PostgresTestDatabase postgres = PostgresTestDatabase.required();
        database = new DriverManagerDataSource(postgres.freshSchema("parley_buckets"), postgres.user(),
                postgres.password());
        Flyway.configure().dataSource(database).load().migrate();
    }

    @Test
    void twoInstancesTakeFromOneBucketPerClient() {
        var a = ClientBuckets.perMinute(new PostgresBucketStores(database), "api", 3, 1);
        var b = ClientBuckets.perMinute(new PostgresBucketStores(database), "api", 3, 1);

        assertThat(a.take("203.0.113.1").taken()).isTrue();
        assertThat(b.take("203.0.113.1").taken()).isTrue();
        assertThat(a.take("203.0.113.1").remaining()).isZero();
        ClientBuckets.Take refused = b.take("203.0.113.1");

        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(a.waitFor("203.0.113.1")).isPresent();
        assertThat(b.take("203.0.113.2").taken()).as("another client").isTrue();
        assertThat(a.waitFor("203.0.113.3")).as("a client never seen").isEmpty();
    }

    @Test
    void limitsOfDifferentNamesNeverShareABucket() {
        var api = ClientBuckets.perMinute(new PostgresBucketStores(database), "api", 1, 1);
        var chat = ClientBuckets.perMinute(new PostgresBucketStores(database), "chat-handshake", 1, 1);

        assertThat(api.take("198.51.100.1").taken()).isTrue();

        assertThat(chat.take("198.51.100.1").taken()).isTrue();
        assertThat(api.take("198.51.100.1").taken()).isFalse();
    }

    @Test
    void aWindowLocksTheClientOnEveryInstanceAndAGivenBackAttemptDoesNotCount() {
        var a = ClientBuckets.perWindow(new PostgresBucketStores(database), "admin-sign-in", 2, Duration.ofMinutes(5));
        var b = ClientBuckets.perWindow(new PostgresBucketStores(database), "admin-sign-in", 2, Duration.ofMinutes(5));

        assertThat(a.take("192.0.2.1").taken()).isTrue();
        b.giveBack("192.0.2.1"); // the right password: that attempt does not count
        assertThat(b.take("192.0.2.1").taken()).isTrue();
        assertThat(a.take("192.0.2.1").taken()).isTrue();

        assertThat(b.waitFor("192.0.2.1")).hasValueSatisfying(wait -> assertThat(wait)
                .isGreaterThan(Duration.ofMinutes(4)).isLessThanOrEqualTo(Duration.ofMinutes(5)));
        assertThat(b.take("192.0.2.1").taken()).isFalse();
    }

    @Test
    void onlyTheRowsOfBucketsThatAreFullAgainAreDeleted() {
        var stores = new PostgresBucketStores(database);
        ClientBuckets.perMinute(stores, "expiring", 1, 1).take("192.0.2.9"); // full again in a minute
        jdbc().update("insert into rate_limit_bucket (id, state, expires_at) values ('expiring:old', null, 1)");

        assertThat(stores.removeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(rows("expiring:old")).isZero();
        assertThat(rows("expiring:192.0.2.9")).isEqualTo(1);
    }

    private static JdbcTemplate jdbc() {
        return new JdbcTemplate(database);
    }

    private static long rows(String id) {
        return jdbc().queryForObject("select count(*) from rate_limit_bucket where id = ?", Long.class, id);
    }
}

package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A server that starts on a database holding expired exchanges deletes them before it answers anyone: the rows are
 * planted before the application starts, in a database that outlives one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.history.retention-days=30")
class RetentionAtStartUpTest {

    private static final String URL = "jdbc:h2:mem:retention-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static String expired;
    private static String kept;

    @Autowired
    JdbcClient database;

    @DynamicPropertySource
    static void databaseWithOldRows(DynamicPropertyRegistry registry) {
        var dataSource = new DriverManagerDataSource(URL, "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        var rows = new StoredRows(JdbcClient.create(dataSource));
        Instant now = Instant.now();
        expired = rows.plantExchange(now.minus(Duration.ofDays(31)), "before-start-up", "asked long ago");
        rows.plantFeedback(expired, now.minus(Duration.ofDays(31)), false, "old");
        kept = rows.plantExchange(now.minus(Duration.ofDays(29)), "before-start-up", "asked lately");
        registry.add("spring.datasource.url", () -> URL);
    }

    @Test
    void expiredExchangesAndTheirFeedbackAreGoneOnceStarted() {
        var rows = new StoredRows(database);

        assertThat(rows.hasExchange(expired)).isFalse();
        assertThat(rows.feedback(expired)).isEmpty();
        assertThat(rows.hasExchange(kept)).isTrue();
    }
}

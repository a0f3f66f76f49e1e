package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.parley.conversation.Channel;
import dev.parley.conversation.Exchange;

/**
 * Regression test for the H2 file that grew for good once every commit was written at once ({@code WRITE_DELAY=0},
 * the durable default): 12 to 20 KB per exchange, never given back, not even by a normal close. At the server's stop
 * the file must shrink to a fraction, with every exchange still in it.
 */
class H2FileCompactionTest {

    private static final int EXCHANGES = 1_000;

    @Test
    void theDurableH2FileShrinksWhenTheServerStopsAndKeepsEveryExchange(@TempDir Path dir) throws SQLException {
        // One connection held open, as the server's pool does: H2 closes (and half compacts) a database left by all.
        var dataSource = new SingleConnectionDataSource(h2File(dir).getUrl(), "sa", "", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        var log = new JdbcExchangeLog(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource), new HistoryProperties(true, 90, Duration.ofHours(1)));
        for (int i = 0; i < EXCHANGES; i++) {
            log.record(exchange(i)).join();
        }
        log.destroy();
        long whileRunning = size(dir);
        assertThat(whileRunning).as("the growth reported, or this test proves nothing")
                .isGreaterThan(EXCHANGES * 5_000L);

        new H2FileCompaction(dataSource).destroy();

        assertThat(size(dir)).as("bytes after the stop, against %d while running", whileRunning)
                .isLessThan(whileRunning / 4);
        assertThat(JdbcClient.create(h2File(dir)).sql("select count(*) from exchange").query(Long.class).single())
                .isEqualTo(EXCHANGES);
    }

    @Test
    void nothingToDoOnADatabaseInMemory() throws SQLException {
        var memory = new DriverManagerDataSource("jdbc:h2:mem:compaction-" + UUID.randomUUID(), "sa", "");
        try (Connection open = memory.getConnection()) {
            new H2FileCompaction(memory).destroy();

            // a shutdown would have closed the database, and with it this connection
            assertThat(open.isClosed()).isFalse();
            assertThat(open.createStatement().executeQuery("select 1").next()).isTrue();
        }
    }

    private static DriverManagerDataSource h2File(Path dir) {
        return new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("parley")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa",
                "");
    }

    private static long size(Path dir) {
        try {
            return Files.size(dir.resolve("parley.mv.db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Exchange exchange(int i) {
        return new Exchange(UUID.randomUUID().toString(), Instant.now(), "session-" + (i % 20), Channel.REST,
                "who can refer cases to the court, question " + i, "who can refer cases to the court question " + i,
                "some-intent", 0.9, false, false, "test-version", "maxent");
    }
}

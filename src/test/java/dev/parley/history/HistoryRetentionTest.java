package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Retention on a real (embedded) database, without the rest of the application. */
class HistoryRetentionTest {

    private DriverManagerDataSource dataSource;
    private JdbcClient jdbc;
    private StoredRows rows;

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:retention-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        rows = new StoredRows(jdbc);
    }

    @Test
    void zeroDaysKeepsEverythingForever() {
        String ancient = rows.plantExchange(Instant.now().minus(Duration.ofDays(3650)), "forever-1", "asked in 2016");

        retention(0).run(null);

        assertThat(rows.hasExchange(ancient)).isTrue();
    }

    @Test
    void deletesExactlyWhatIsOlderThanTheRetention() {
        Instant now = Instant.now();
        String old = rows.plantExchange(now.minus(Duration.ofDays(7)).minusSeconds(60), "retention-1", "older");
        String young = rows.plantExchange(now.minus(Duration.ofDays(7)).plusSeconds(60), "retention-1", "younger");

        assertThat(retention(7).deleteExpired()).isEqualTo(1);

        assertThat(rows.hasExchange(old)).isFalse();
        assertThat(rows.hasExchange(young)).isTrue();
        assertThat(retention(7).deleteExpired()).isZero();
    }

    private HistoryRetention retention(int days) {
        var settings = new HistoryProperties(true, days, Duration.ofHours(1));
        return new HistoryRetention(new JdbcExchangeLog(jdbc, new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource), settings), settings);
    }
}

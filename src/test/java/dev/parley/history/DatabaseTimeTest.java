package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

/** The history's one rule for time: UTC in, UTC out, and a day that begins at midnight UTC. */
class DatabaseTimeTest {

    @Test
    void aDayBeginsAtMidnightUtcWhateverTheJvmsZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));

            assertThat(DatabaseTime.startOf(LocalDate.parse("2026-11-22")))
                    .isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void anInstantReadFromARowIsTheInstantStoredWhateverItsOffset() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:h2:mem:database-time");
             var statement = connection.createStatement();
             var row = statement.executeQuery(
                     "select timestamp with time zone '2026-11-22 10:00:00+02:00' as asked_at")) {
            row.next();

            assertThat(DatabaseTime.instant(row, "asked_at")).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
        }
    }
}

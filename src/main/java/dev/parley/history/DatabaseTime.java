package dev.parley.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How instants go into the database and come back out, and where a day begins, for every query of the history (its
 * own, the export's and the review's): all in UTC, whatever the JVM's or the database's time zone.
 */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    /** Timestamps go in with an explicit offset so neither database applies the JVM's time zone. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** An instant as a row holds it ({@code timestamp with time zone}), whatever offset the driver reads it with. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** The first moment of a day in UTC: where a period of days (an export's, the review's window) begins. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

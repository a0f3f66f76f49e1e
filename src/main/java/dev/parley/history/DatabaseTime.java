package dev.parley.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How an instant goes into the database, for every query of the history (its own and the review's). */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    /** Timestamps go in with an explicit offset so neither database applies the JVM's time zone. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

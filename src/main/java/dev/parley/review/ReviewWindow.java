package dev.parley.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.parley.history.DatabaseTime;

/**
 * The whole UTC days a review looks at: today and the {@code days - 1} days before it, so that "7 days" is the same
 * seven bars in the daily chart as in every list beside it.
 *
 * @param days  how many days, 1..365
 * @param first the first day (UTC)
 * @param last  today (UTC)
 */
record ReviewWindow(int days, LocalDate first, LocalDate last) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;

    /** Reads the {@code days} request parameter; blank or absent means {@value #DEFAULT_DAYS}. */
    static ReviewWindow parse(String days, Clock clock) {
        int value = days == null || days.isBlank() ? DEFAULT_DAYS
                : ReviewParameters.wholeNumber("days", days, 1, MAX_DAYS);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return new ReviewWindow(value, today.minusDays(value - 1L), today);
    }

    /** The first moment of the window. */
    Instant since() {
        return DatabaseTime.startOf(first);
    }
}

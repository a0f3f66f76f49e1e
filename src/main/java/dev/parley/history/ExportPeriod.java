package dev.parley.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The days an export covers, both ends included, as UTC dates; an open end reaches the first or the last exchange.
 *
 * @param from the first day, if any
 * @param to   the last day, if any
 */
record ExportPeriod(Optional<LocalDate> from, Optional<LocalDate> to) {

    ExportPeriod {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("'from' (" + from.get() + ") must not be after 'to' (" + to.get() + ")");
        }
    }

    /** The first moment included. */
    Optional<Instant> start() {
        return from.map(DatabaseTime::startOf);
    }

    /** The first moment after the period. */
    Optional<Instant> end() {
        return to.map(day -> DatabaseTime.startOf(day.plusDays(1)));
    }

    /** {@code parley-exchanges-<from>-<to>.csv}; an open start reads "beginning", an open end today's date. */
    String fileName(LocalDate today) {
        return "parley-exchanges-" + from.map(LocalDate::toString).orElse("beginning") + "-"
                + to.orElse(today) + ".csv";
    }
}

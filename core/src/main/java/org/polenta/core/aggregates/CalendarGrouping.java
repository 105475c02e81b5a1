package org.polenta.core.aggregates;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/** Gnocchi's calendar groupings (gnocchi/calendar.py GROUPINGS): each bucket starts at midnight UTC. */
public enum CalendarGrouping implements Grouping {
    /** Calendar year. */
    Y,
    /** Half year: January or July. */
    H,
    /** Quarter: January, April, July or October. */
    Q,
    /** Calendar month. */
    M,
    /** Week starting on Sunday. */
    W;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** The grouping named by a resample value such as "Y", or empty for anything else (a timespan). */
    public static Optional<CalendarGrouping> find(String name) {
        for (CalendarGrouping g : values()) {
            if (g.name().equals(name)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    @Override
    public long bucketStart(long timestampNanos) {
        long seconds = Math.floorDiv(timestampNanos, NANOS_PER_SECOND);
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        LocalDate start = switch (this) {
            case Y -> day.withDayOfYear(1);
            case H -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 6 * 6 + 1, 1);
            case Q -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case M -> day.withDayOfMonth(1);
            case W -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        };
        return start.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * NANOS_PER_SECOND;
    }

    @Override
    public boolean supportsRate() {
        return false;
    }
}

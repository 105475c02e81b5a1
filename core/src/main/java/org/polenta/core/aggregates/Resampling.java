package org.polenta.core.aggregates;

import org.polenta.core.errors.InvalidInputException;

import java.util.Optional;
import java.util.function.ToLongFunction;

/** A parsed resample argument: a fixed timespan or a calendar grouping. */
public record Resampling(Grouping grouping) {

    public static final String NEEDS_GRANULARITY = "A granularity must be specified to resample";

    /**
     * Parses {@code raw} as Gnocchi does: a calendar letter (Y, H, Q, M, W) first, a timespan otherwise.
     * {@code timespanParser} turns a timespan text into nanoseconds, throwing InvalidInputException with Gnocchi's
     * message ("Unable to parse timespan", "Timespan must be positive").
     */
    public static Resampling parse(String raw, ToLongFunction<String> timespanParser) {
        Optional<CalendarGrouping> calendar = CalendarGrouping.find(raw);
        if (calendar.isPresent()) {
            return new Resampling(calendar.get());
        }
        long nanos = timespanParser.applyAsLong(raw);
        if (nanos <= 0) {
            throw new InvalidInputException("Timespan must be positive");
        }
        return new Resampling(new FixedGrouping(nanos));
    }

    public boolean isCalendar() {
        return grouping instanceof CalendarGrouping;
    }

    /** The granularity the resampled points report. */
    public AggregatedPoint point(long timestampNanos, double value) {
        if (grouping instanceof CalendarGrouping c) {
            return new AggregatedPoint(timestampNanos, 0, value, c);
        }
        return new AggregatedPoint(timestampNanos, ((FixedGrouping) grouping).granularityNanos(), value);
    }

    /**
     * Gnocchi cannot derive differences over calendar periods (it fails with a server error); we refuse with a 400
     * naming the combination instead.
     */
    public void checkMethod(AggregationMethod method) {
        if (method.rate() && isCalendar()) {
            throw new InvalidInputException("Cannot resample the rate aggregation method '" + method.name()
                    + "' on the calendar grouping '" + ((CalendarGrouping) grouping).name() + "'");
        }
    }
}

package org.polenta.core.aggregates;

/**
 * One point of a measures answer: [timestamp, granularity, value] in Gnocchi's JSON. A point of a calendar
 * resample (resample=Y|H|Q|M|W) has {@code calendar} set, and Gnocchi shows that letter as its granularity;
 * {@code granularityNanos} is then 0.
 */
public record AggregatedPoint(long timestampNanos, long granularityNanos, double value, CalendarGrouping calendar) {

    public AggregatedPoint(long timestampNanos, long granularityNanos, double value) {
        this(timestampNanos, granularityNanos, value, null);
    }

    /** The granularity as Gnocchi renders it in JSON: seconds as a float (60.0), or the calendar letter ("M"). */
    public Object granularityJson() {
        return calendar != null ? calendar.name() : granularityNanos / 1e9;
    }
}

package org.polenta.core.aggregates;

/** How timestamps fall into buckets: a fixed granularity, or a calendar period (Gnocchi's resample=Y|H|Q|M|W). */
public sealed interface Grouping permits FixedGrouping, CalendarGrouping {

    /** The start of the bucket holding {@code timestampNanos}. Bucket starts increase with the timestamp. */
    long bucketStart(long timestampNanos);

    /** Rate methods need consecutive differences, which Gnocchi only derives on fixed granularities. */
    boolean supportsRate();
}

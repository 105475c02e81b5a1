package org.polenta.storage.cassandra.points;

/**
 * How an aggregated series is cut into rows. A split holds at most 3600 points (Carbonara's split size, so a
 * rewrite touches a bounded blob) and at most one day of timestamps: a split is rewritten while its day is
 * current, so all its versions land in one time-window-compaction window and are merged there instead of
 * piling up in older windows. The layout is part of the on-disk format: changing it needs a new table.
 */
final class SplitLayout {

    static final long MAX_POINTS = 3600;
    static final long MAX_SPAN_NANOS = 86_400_000_000_000L;

    private SplitLayout() {
    }

    static long pointsPerSplit(long granularityNanos) {
        return Math.max(1, Math.min(MAX_POINTS, MAX_SPAN_NANOS / granularityNanos));
    }

    static long spanNanos(long granularityNanos) {
        return Math.multiplyExact(granularityNanos, pointsPerSplit(granularityNanos));
    }

    static long splitOf(long timestampNanos, long granularityNanos) {
        return Math.floorDiv(timestampNanos, spanNanos(granularityNanos));
    }

    /** The span rounded up to whole seconds, for TTL arithmetic. */
    static long spanSeconds(long granularityNanos) {
        return (spanNanos(granularityNanos) + 999_999_999L) / 1_000_000_000L;
    }
}

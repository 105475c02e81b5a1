package org.polenta.core.aggregates;

/** Buckets of one granularity aligned on the epoch, as carbonara.round_timestamp floors them. */
public record FixedGrouping(long granularityNanos) implements Grouping {

    public FixedGrouping {
        if (granularityNanos <= 0) {
            throw new IllegalArgumentException("granularity must be positive: " + granularityNanos);
        }
    }

    public static long floor(long timestampNanos, long granularityNanos) {
        return Math.floorDiv(timestampNanos, granularityNanos) * granularityNanos;
    }

    @Override
    public long bucketStart(long timestampNanos) {
        return floor(timestampNanos, granularityNanos);
    }

    @Override
    public boolean supportsRate() {
        return true;
    }
}

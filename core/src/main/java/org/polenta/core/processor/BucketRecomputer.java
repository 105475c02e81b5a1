package org.polenta.core.processor;

import org.polenta.core.aggregates.AggregationMethod;
import org.polenta.core.aggregates.FixedGrouping;
import org.polenta.core.aggregates.Points;
import org.polenta.core.archive.ArchivePolicyItem;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Recomputes, for one granularity and method, exactly the buckets that new points change, each from all the raw
 * points of that bucket. For "rate:" methods the bucket holding the point after a new one changes too, since its
 * first difference now starts from the new point.
 */
final class BucketRecomputer {

    private final RawWindow window;
    private final Points incoming;
    private double[] differences;

    BucketRecomputer(RawWindow window, Points incoming) {
        this.window = window;
        this.incoming = incoming;
    }

    /** The changed buckets, truncated like Gnocchi truncates on write (to the item's timespan before the newest). */
    Points recompute(ArchivePolicyItem item, AggregationMethod method) {
        long g = item.granularityNanos();
        long[] buckets = touchedBuckets(g, method.rate());
        Points raw = window.points();
        double[] values = method.rate() ? differences() : raw.values();
        long[] outTs = new long[buckets.length];
        double[] outValues = new double[buckets.length];
        int n = 0;
        for (long bucket : buckets) {
            int from = raw.lowerBound(bucket);
            int to = raw.lowerBound(bucket + g);
            if (method.rate() && from == 0 && !window.firstDifferenceDefined()) {
                from = 1;
            }
            if (to > from && method.function().definedFor(to - from)) {
                outTs[n] = bucket;
                outValues[n++] = method.function().apply(values, from, to);
            }
        }
        return truncate(new Points(Arrays.copyOf(outTs, n), Arrays.copyOf(outValues, n)), item);
    }

    private double[] differences() {
        if (differences == null) {
            differences = window.differences();
        }
        return differences;
    }

    private long[] touchedBuckets(long g, boolean rate) {
        TreeSet<Long> buckets = new TreeSet<>();
        Points raw = window.points();
        for (int i = 0; i < incoming.size(); i++) {
            long ts = incoming.timestamp(i);
            buckets.add(FixedGrouping.floor(ts, g));
            if (rate) {
                int next = raw.lowerBound(ts) + 1;
                if (next < raw.size()) {
                    buckets.add(FixedGrouping.floor(raw.timestamp(next), g));
                }
            }
        }
        return buckets.stream().mapToLong(Long::longValue).toArray();
    }

    // Gnocchi's AggregatedTimeSerie.truncate keeps the points strictly after (newest - timespan).
    private static Points truncate(Points buckets, ArchivePolicyItem item) {
        Long timespan = item.timespanNanos();
        if (timespan == null || buckets.isEmpty()) {
            return buckets;
        }
        long oldestExcluded = buckets.timestamp(buckets.size() - 1) - timespan;
        return buckets.slice(oldestExcluded + 1, Long.MAX_VALUE);
    }
}

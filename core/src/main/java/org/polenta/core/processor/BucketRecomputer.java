package org.polenta.core.processor;

import org.polenta.core.aggregates.AggregationMethod;
import org.polenta.core.aggregates.FixedGrouping;
import org.polenta.core.aggregates.Points;
import org.polenta.core.archive.ArchivePolicyItem;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Recomputes, for one granularity and method, exactly the buckets that new points change, each from all the raw
 * points of that bucket. For "rate:" methods the bucket holding the point after a new one changes too, since its
 * first difference now starts from the new point.
 */
final class BucketRecomputer {

    private final RawWindow window;
    private final Points incoming;
    private final Map<Long, Buckets> bucketsByGrouping = new HashMap<>();
    private double[] differences;

    BucketRecomputer(RawWindow window, Points incoming) {
        this.window = window;
        this.incoming = incoming;
    }

    /** The changed buckets, truncated like Gnocchi truncates on write (to the item's timespan before the newest). */
    Points recompute(ArchivePolicyItem item, AggregationMethod method) {
        long g = item.granularityNanos();
        // Every method of a granularity changes the same buckets (rate methods possibly one more): found once.
        Buckets buckets = bucketsByGrouping.computeIfAbsent(method.rate() ? -g : g, k -> touchedBuckets(g, method.rate()));
        double[] values = method.rate() ? differences() : window.points().values();
        long[] outTs = new long[buckets.starts.length];
        double[] outValues = new double[buckets.starts.length];
        int n = 0;
        for (int b = 0; b < buckets.starts.length; b++) {
            int from = buckets.from[b];
            int to = buckets.to[b];
            if (method.rate() && from == 0 && !window.firstDifferenceDefined()) {
                from = 1;
            }
            if (to > from && method.function().definedFor(to - from)) {
                outTs[n] = buckets.starts[b];
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

    /** The touched buckets in ascending order, each with the [from, to) range of the raw points it holds. */
    private Buckets touchedBuckets(long g, boolean rate) {
        Points raw = window.points();
        long[] starts = new long[rate ? 2 * incoming.size() : incoming.size()];
        int n = 0;
        for (int i = 0; i < incoming.size(); i++) {
            long ts = incoming.timestamp(i);
            starts[n++] = FixedGrouping.floor(ts, g);
            if (rate) {
                int next = raw.lowerBound(ts) + 1;
                if (next < raw.size()) {
                    starts[n++] = FixedGrouping.floor(raw.timestamp(next), g);
                }
            }
        }
        if (rate) {
            Arrays.sort(starts, 0, n);
        }
        // Sorted (new points are): one of each.
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (unique == 0 || starts[i] != starts[unique - 1]) {
                starts[unique++] = starts[i];
            }
        }
        starts = Arrays.copyOf(starts, unique);
        int[] from = new int[unique];
        int[] to = new int[unique];
        int cursor = 0;
        for (int b = 0; b < unique; b++) {
            // Buckets ascend, so the raw index only moves forward; a jump uses the binary search.
            cursor = advanceTo(raw, cursor, starts[b]);
            from[b] = cursor;
            cursor = advanceTo(raw, cursor, starts[b] + g);
            to[b] = cursor;
        }
        return new Buckets(starts, from, to);
    }

    /** The first index at or after {@code cursor} whose timestamp is at least {@code ts}. */
    private static int advanceTo(Points raw, int cursor, long ts) {
        int steps = 0;
        while (cursor < raw.size() && raw.timestamp(cursor) < ts) {
            if (++steps > 16) {
                return Math.max(cursor, raw.lowerBound(ts));
            }
            cursor++;
        }
        return cursor;
    }

    private record Buckets(long[] starts, int[] from, int[] to) {
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

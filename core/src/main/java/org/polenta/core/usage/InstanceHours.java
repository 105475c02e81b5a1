package org.polenta.core.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.polenta.core.aggregates.Points;

/**
 * The hours an instance ran within a period: the time covered by at least one aggregate of any of its metrics.
 * An instance's pollsters report while it exists, so its buckets are its lifetime as the store saw it; taking
 * the union over its metrics keeps one metric's gaps (or several metrics' overlap) from miscounting.
 */
public final class InstanceHours {

    private InstanceHours() {
    }

    /** One metric's aggregates and the granularity they are at. */
    public record Series(Points points, long granularity) {
    }

    public static double over(List<Series> series, long from, long to) {
        List<long[]> intervals = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.points.size(); i++) {
                long start = Math.max(s.points.timestamp(i), from);
                long end = Math.min(s.points.timestamp(i) + s.granularity, to);
                if (end > start) {
                    intervals.add(new long[] {start, end});
                }
            }
        }
        intervals.sort(Comparator.comparingLong(a -> a[0]));
        long covered = 0;
        long runStart = Long.MIN_VALUE;
        long runEnd = Long.MIN_VALUE;
        for (long[] interval : intervals) {
            if (interval[0] > runEnd) {
                covered += runEnd - runStart;
                runStart = interval[0];
                runEnd = interval[1];
            } else {
                runEnd = Math.max(runEnd, interval[1]);
            }
        }
        covered += runEnd - runStart;
        return covered / 3.6e12;
    }
}

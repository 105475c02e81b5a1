package org.polenta.storage.cassandra.points;

import java.util.Arrays;
import java.util.List;
import org.polenta.core.aggregates.Points;

/** Merging and concatenating sorted Points. */
final class PointsMerge {

    private PointsMerge() {
    }

    /** The union of both; where a timestamp is in both, {@code newer}'s value wins. */
    static Points overlay(Points older, Points newer) {
        if (older.isEmpty()) {
            return newer;
        }
        if (newer.isEmpty()) {
            return older;
        }
        long[] ts = new long[older.size() + newer.size()];
        double[] vs = new double[ts.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < older.size() || j < newer.size()) {
            boolean takeNewer;
            if (i == older.size()) {
                takeNewer = true;
            } else if (j == newer.size()) {
                takeNewer = false;
            } else {
                takeNewer = newer.timestamp(j) <= older.timestamp(i);
                if (newer.timestamp(j) == older.timestamp(i)) {
                    i++;
                }
            }
            if (takeNewer) {
                ts[n] = newer.timestamp(j);
                vs[n++] = newer.value(j++);
            } else {
                ts[n] = older.timestamp(i);
                vs[n++] = older.value(i++);
            }
        }
        return new Points(Arrays.copyOf(ts, n), Arrays.copyOf(vs, n));
    }

    /** Joins series that are each sorted and follow one another. */
    static Points concat(List<Points> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int total = parts.stream().mapToInt(Points::size).sum();
        long[] ts = new long[total];
        double[] vs = new double[total];
        int n = 0;
        for (Points part : parts) {
            System.arraycopy(part.timestamps(), 0, ts, n, part.size());
            System.arraycopy(part.values(), 0, vs, n, part.size());
            n += part.size();
        }
        return new Points(ts, vs);
    }

    /** The [from, to) index ranges of {@code points} that fall in consecutive keys of {@code keyOf}. */
    static int[] runBoundaries(Points points, java.util.function.LongUnaryOperator keyOf) {
        int[] bounds = new int[points.size() + 1];
        int count = 0;
        bounds[count++] = 0;
        for (int i = 1; i < points.size(); i++) {
            if (keyOf.applyAsLong(points.timestamp(i)) != keyOf.applyAsLong(points.timestamp(i - 1))) {
                bounds[count++] = i;
            }
        }
        bounds[count++] = points.size();
        return Arrays.copyOf(bounds, count);
    }

    static Points range(Points points, int from, int to) {
        return new Points(Arrays.copyOfRange(points.timestamps(), from, to),
            Arrays.copyOfRange(points.values(), from, to));
    }
}

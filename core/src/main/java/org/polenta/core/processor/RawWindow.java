package org.polenta.core.processor;

import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.RawPointStore;

import java.util.Arrays;
import java.util.UUID;

/**
 * The raw points a processing run needs: every stored point from the start of the oldest bucket the new points
 * touch, with the new points laid over them, plus the point just before (the first difference of "rate:" methods).
 */
final class RawWindow {

    private final Points points;
    private final boolean hasPredecessor;
    private final double predecessor;

    private RawWindow(Points points, boolean hasPredecessor, double predecessor) {
        this.points = points;
        this.hasPredecessor = hasPredecessor;
        this.predecessor = predecessor;
    }

    static RawWindow load(RawPointStore store, UUID metricId, long from, Points incoming, boolean needPredecessor) {
        Points stored = store.read(metricId, from, Long.MAX_VALUE);
        Points merged = overlay(stored, incoming);
        if (needPredecessor) {
            Points before = store.lastBefore(metricId, from);
            if (!before.isEmpty()) {
                return new RawWindow(merged, true, before.value(0));
            }
        }
        return new RawWindow(merged, false, Double.NaN);
    }

    /** Both series in one, the new value winning where both have a timestamp. */
    static Points overlay(Points stored, Points incoming) {
        long[] ts = new long[stored.size() + incoming.size()];
        double[] values = new double[ts.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < stored.size() || j < incoming.size()) {
            if (j == incoming.size() || (i < stored.size() && stored.timestamp(i) < incoming.timestamp(j))) {
                ts[n] = stored.timestamp(i);
                values[n++] = stored.value(i++);
            } else {
                if (i < stored.size() && stored.timestamp(i) == incoming.timestamp(j)) {
                    i++;
                }
                ts[n] = incoming.timestamp(j);
                values[n++] = incoming.value(j++);
            }
        }
        return new Points(Arrays.copyOf(ts, n), Arrays.copyOf(values, n));
    }

    Points points() {
        return points;
    }

    /**
     * The differences series aligned with {@link #points()}: element i is points[i] - points[i-1]; element 0 uses
     * the predecessor, and is meaningless when {@link #firstDifferenceDefined()} is false.
     */
    double[] differences() {
        double[] v = points.values();
        double[] d = new double[v.length];
        for (int i = 1; i < v.length; i++) {
            d[i] = v[i] - v[i - 1];
        }
        if (v.length > 0) {
            d[0] = hasPredecessor ? v[0] - predecessor : Double.NaN;
        }
        return d;
    }

    boolean firstDifferenceDefined() {
        return hasPredecessor;
    }
}

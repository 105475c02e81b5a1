package org.polenta.core.aggregates;

import java.util.Arrays;

/**
 * The series that "rate:" methods aggregate: each point after the first becomes its difference with the previous
 * point, stamped with its own timestamp (carbonara's GroupedTimeSeries.derived).
 */
public final class Differences {

    private Differences() {
    }

    public static Points of(Points series) {
        int n = series.size();
        if (n < 2) {
            return Points.EMPTY;
        }
        long[] ts = Arrays.copyOfRange(series.timestamps(), 1, n);
        double[] v = series.values();
        double[] diffs = new double[n - 1];
        for (int i = 1; i < n; i++) {
            diffs[i - 1] = v[i] - v[i - 1];
        }
        return new Points(ts, diffs);
    }
}

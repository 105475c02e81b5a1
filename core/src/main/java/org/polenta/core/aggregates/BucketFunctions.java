package org.polenta.core.aggregates;

import java.util.Arrays;
import java.util.Map;

/**
 * Gnocchi 4.4's per-bucket aggregation functions (carbonara.GroupedTimeSeries), reproduced operation for
 * operation so that results are bit-identical where the summation order allows: sums run left to right in
 * timestamp order as numpy.bincount does, and order statistics sort NaN last as numpy does.
 */
public final class BucketFunctions {

    private static final BucketFunction MEAN = (v, from, to) -> sum(v, from, to) / (to - from);
    private static final BucketFunction SUM = BucketFunctions::sum;
    private static final BucketFunction LAST = (v, from, to) -> v[to - 1];
    private static final BucketFunction FIRST = (v, from, to) -> v[from];
    private static final BucketFunction COUNT = (v, from, to) -> to - from;
    private static final BucketFunction MAX = BucketFunctions::max;
    private static final BucketFunction MIN = BucketFunctions::min;
    private static final BucketFunction MEDIAN = BucketFunctions::median;
    private static final BucketFunction STD = new BucketFunction() {
        @Override
        public double apply(double[] v, int from, int to) {
            return std(v, from, to);
        }

        // A single point has no sample standard deviation: Gnocchi leaves the bucket out.
        @Override
        public boolean definedFor(int count) {
            return count > 1;
        }
    };

    private static final Map<String, BucketFunction> BY_NAME = Map.of(
            "mean", MEAN, "sum", SUM, "last", LAST, "first", FIRST, "count", COUNT,
            "max", MAX, "min", MIN, "median", MEDIAN, "std", STD);

    private BucketFunctions() {
    }

    /** The function of a base method name (no "rate:" prefix, no percentile), or null. */
    static BucketFunction named(String name) {
        return BY_NAME.get(name);
    }

    /** The q-th percentile (1..99) with carbonara's linear interpolation between closest ranks. */
    public static BucketFunction percentile(int q) {
        if (q < 1 || q > 99) {
            throw new IllegalArgumentException("percentile out of 1..99: " + q);
        }
        double fraction = q / 100.0;
        return (v, from, to) -> quantile(v, from, to, fraction);
    }

    static double sum(double[] v, int from, int to) {
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s;
    }

    // numpy assigns each value of an ascending argsort in turn, so the last (greatest, NaN sorting last) wins.
    private static double max(double[] v, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(v[i])) {
                return Double.NaN;
            }
            m = Math.max(m, v[i]);
        }
        return m;
    }

    // The reversed argsort is assigned, so the smallest non-NaN value wins; NaN only when all are NaN.
    private static double min(double[] v, int from, int to) {
        double m = Double.NaN;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i]) && (Double.isNaN(m) || v[i] < m)) {
                m = v[i];
            }
        }
        return m;
    }

    private static double median(double[] v, int from, int to) {
        double[] sorted = sortedCopy(v, from, to);
        int n = sorted.length;
        int midFloor = n - 1 - n / 2;
        int midCeil = midFloor + (n % 2 + 1) % 2;
        return (sorted[midFloor] + sorted[midCeil]) / 2.0;
    }

    private static double std(double[] v, int from, int to) {
        int n = to - from;
        double mean = sum(v, from, to) / n;
        double squares = 0.0;
        for (int i = from; i < to; i++) {
            double d = v[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (n - 1));
    }

    // Positions are relative to the bucket: carbonara adds the bucket's offset in the whole series first, which
    // makes its last bits depend on how much of the series was grouped; relative positions keep results stable.
    private static double quantile(double[] v, int from, int to, double fraction) {
        double[] sorted = sortedCopy(v, from, to);
        double realPos = (sorted.length - 1) * fraction;
        double floorPos = Math.floor(realPos);
        double ceilPos = Math.ceil(realPos);
        int f = (int) floorPos;
        int c = (int) ceilPos;
        if (f == c) {
            return sorted[f];
        }
        return sorted[f] * (ceilPos - realPos) + sorted[c] * (realPos - floorPos);
    }

    private static double[] sortedCopy(double[] v, int from, int to) {
        double[] sorted = Arrays.copyOfRange(v, from, to);
        Arrays.sort(sorted);
        return sorted;
    }
}

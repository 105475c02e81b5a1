package org.polenta.core.aggregates;

import java.util.Arrays;

/**
 * An immutable series of points sorted by strictly increasing timestamp (nanoseconds since the epoch).
 * The arrays are owned by this object: callers must not change them.
 */
public final class Points {

    public static final Points EMPTY = new Points(new long[0], new double[0]);

    private final long[] timestamps;
    private final double[] values;

    public Points(long[] timestamps, double[] values) {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
        for (int i = 1; i < timestamps.length; i++) {
            if (timestamps[i] <= timestamps[i - 1]) {
                throw new IllegalArgumentException("timestamps must increase strictly");
            }
        }
        this.timestamps = timestamps;
        this.values = values;
    }

    public int size() {
        return timestamps.length;
    }

    public boolean isEmpty() {
        return timestamps.length == 0;
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    public double value(int i) {
        return values[i];
    }

    public long[] timestamps() {
        return timestamps;
    }

    public double[] values() {
        return values;
    }

    /** The points with from <= timestamp < to. */
    public Points slice(long from, long to) {
        int lo = lowerBound(from);
        int hi = lowerBound(to);
        if (lo == 0 && hi == timestamps.length) {
            return this;
        }
        return new Points(Arrays.copyOfRange(timestamps, lo, hi), Arrays.copyOfRange(values, lo, hi));
    }

    /** Index of the first timestamp >= ts. */
    public int lowerBound(long ts) {
        int i = Arrays.binarySearch(timestamps, ts);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Points p && Arrays.equals(timestamps, p.timestamps) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timestamps) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Points[");
        for (int i = 0; i < Math.min(timestamps.length, 20); i++) {
            b.append(i == 0 ? "" : ", ").append(timestamps[i]).append('=').append(values[i]);
        }
        return b.append(timestamps.length > 20 ? ", ...]" : "]").toString();
    }
}

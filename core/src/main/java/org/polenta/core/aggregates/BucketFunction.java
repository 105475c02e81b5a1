package org.polenta.core.aggregates;

/**
 * One aggregation function applied to the values of one bucket, given in timestamp order as
 * {@code values[from, to)} (never empty).
 */
public interface BucketFunction {

    double apply(double[] values, int from, int to);

    /** Whether a bucket of {@code count} values has an aggregate at all (Gnocchi's std needs two). */
    default boolean definedFor(int count) {
        return count > 0;
    }
}

package org.polenta.core.aggregates.operations;

/**
 * What an operations node evaluates to: series on shared timestamps ({@code columns[series][time]}) at a
 * granularity, or a plain number ({@code columns} null). {@code aggregated} says the result no longer belongs to
 * one metric each (Gnocchi then answers it under "aggregated").
 */
public record Evaluated(long granularity, long[] times, double[][] columns, double scalar, boolean aggregated) {

    static Evaluated series(long granularity, long[] times, double[][] columns, boolean aggregated) {
        return new Evaluated(granularity, times, columns, Double.NaN, aggregated);
    }

    public boolean isSeries() {
        return columns != null;
    }

    /** One value of series {@code s} at time index {@code t}, or the number. */
    double at(int s, int t) {
        return columns == null ? scalar : columns[columns.length == 1 ? 0 : s][t];
    }

    int width() {
        return columns == null ? 1 : columns.length;
    }
}

package org.polenta.core.aggregates;

import org.polenta.core.errors.InvalidInputException;

import java.util.Arrays;

/**
 * Aggregates a whole sorted series into buckets, as carbonara's AggregatedTimeSerie.from_grouped_serie does
 * with an unbounded GroupedTimeSeries: used to resample stored aggregates at read time.
 */
public final class SeriesAggregator {

    private SeriesAggregator() {
    }

    /**
     * @throws InvalidInputException for a rate method on a calendar grouping, which Gnocchi cannot derive
     */
    public static Points aggregate(Points series, Grouping grouping, AggregationMethod method) {
        if (method.rate() && !grouping.supportsRate()) {
            throw new InvalidInputException("Cannot derive aggregates on calendar granularities.");
        }
        Points input = method.rate() ? Differences.of(series) : series;
        return group(input, grouping, method.function());
    }

    private static Points group(Points input, Grouping grouping, BucketFunction function) {
        long[] ts = input.timestamps();
        double[] values = input.values();
        long[] outTs = new long[ts.length];
        double[] outValues = new double[ts.length];
        int n = 0;
        int from = 0;
        while (from < ts.length) {
            long bucket = grouping.bucketStart(ts[from]);
            int to = from + 1;
            while (to < ts.length && grouping.bucketStart(ts[to]) == bucket) {
                to++;
            }
            if (function.definedFor(to - from)) {
                outTs[n] = bucket;
                outValues[n] = function.apply(values, from, to);
                n++;
            }
            from = to;
        }
        return new Points(Arrays.copyOf(outTs, n), Arrays.copyOf(outValues, n));
    }
}

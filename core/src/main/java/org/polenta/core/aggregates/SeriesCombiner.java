package org.polenta.core.aggregates;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines several metrics' series of one granularity into one, as Gnocchi's rest/aggregates/processor.aggregated()
 * does for /v1/aggregation/metric: a grid over the union of timestamps, the overlap checks (or the fill), an
 * optional per-metric resample, then the reaggregation across metrics at each timestamp.
 */
public final class SeriesCombiner {

    private final List<List<String>> lookupKeys;
    private final AggregationMethod aggregation;
    private final String reaggregationName;
    private final Resampling resampling;
    private final Long start;
    private final Long stop;
    private final double neededOverlap;
    private final Fill fill;

    /**
     * @param lookupKeys   the [metric id, aggregation] pair of each series, in the order series are given
     * @param reaggregation the reaggregation method name, checked when it is first needed (as Gnocchi only fails
     *                     once the overlap checks passed)
     */
    public SeriesCombiner(List<List<String>> lookupKeys, String aggregation, String reaggregation,
                          Resampling resampling, Long start, Long stop, double neededOverlap, Fill fill) {
        this.lookupKeys = List.copyOf(lookupKeys);
        this.aggregation = AggregationMethod.of(aggregation);
        this.reaggregationName = reaggregation;
        this.resampling = resampling;
        this.start = start;
        this.stop = stop;
        this.neededOverlap = neededOverlap;
        this.fill = fill;
    }

    /** The combined points of one granularity, in time order, with the granularity they report. */
    public List<AggregatedPoint> combine(long granularityNanos, List<Points> series) {
        SeriesGrid grid = SeriesGrid.of(series, fill);
        if (fill.checksOverlap()) {
            grid = grid.checkOverlap(lookupKeys, start, stop, neededOverlap);
        }
        if (resampling != null) {
            resampling.checkMethod(aggregation);
            grid = grid.resample(resampling.grouping(), aggregation);
        }
        Reaggregation how = Reaggregation.of(reaggregationName);
        long[] times = grid.times();
        double[] values = new double[times.length];
        for (int t = 0; t < times.length; t++) {
            values[t] = how.function().applyAsDouble(grid.row(t));
        }
        int first = 0;
        if (how.rate()) {
            for (int t = times.length - 1; t > 0; t--) {
                values[t] = values[t] - values[t - 1];
            }
            first = 1;
        }
        List<AggregatedPoint> out = new ArrayList<>(times.length);
        for (int t = first; t < times.length; t++) {
            double v = values[t];
            if (fill.kind() == Fill.Kind.DROPNA && (Double.isNaN(v) || Double.isInfinite(v))) {
                continue;
            }
            out.add(resampling == null ? new AggregatedPoint(times[t], granularityNanos, v)
                    : resampling.point(times[t], v));
        }
        return out;
    }
}

package org.polenta.core.aggregates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

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
        Grid grid = Grid.of(series, fill.filler());
        if (fill.kind() == Fill.Kind.NONE) {
            grid = checkOverlap(grid);
        }
        if (resampling != null) {
            grid = grid.resample(resampling, aggregation);
        }
        Reaggregation how = Reaggregation.of(reaggregationName);
        long[] times = grid.times;
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

    private Grid checkOverlap(Grid grid) {
        int[] overlap = grid.completeRows();
        if (overlap.length == 0 && neededOverlap > 0) {
            throw new UnaggregableTimeseriesException(lookupKeys, "No overlap");
        }
        if (grid.times.length == 0) {
            return grid;
        }
        Grid trimmed = grid;
        if (overlap.length > 0) {
            // Without explicit bounds, the result spans from the first to the last timestamp all series share.
            int from = start == null ? overlap[0] : 0;
            int to = stop == null ? overlap[overlap.length - 1] + 1 : grid.times.length;
            trimmed = grid.rows(from, to);
        }
        double percent = overlap.length * 100.0 / trimmed.times.length;
        if (percent < neededOverlap) {
            throw new UnaggregableTimeseriesException(lookupKeys, String.format(Locale.ROOT,
                    "Less than %s%% of datapoints overlap in this timespan (%s%%)",
                    fixed(neededOverlap, 6), fixed(percent, 2)));
        }
        return trimmed;
    }

    // Python's "%.Nf": the exact binary value rounded half-even.
    private static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Timestamps by series: cells[series][time]. */
    private static final class Grid {
        final long[] times;
        final double[][] cells;

        Grid(long[] times, double[][] cells) {
            this.times = times;
            this.cells = cells;
        }

        static Grid of(List<Points> series, double filler) {
            TreeSet<Long> union = new TreeSet<>();
            for (Points p : series) {
                for (long t : p.timestamps()) {
                    union.add(t);
                }
            }
            long[] times = union.stream().mapToLong(Long::longValue).toArray();
            double[][] cells = new double[series.size()][times.length];
            for (int s = 0; s < series.size(); s++) {
                Arrays.fill(cells[s], filler);
                Points p = series.get(s);
                for (int i = 0; i < p.size(); i++) {
                    cells[s][Arrays.binarySearch(times, p.timestamp(i))] = p.value(i);
                }
            }
            return new Grid(times, cells);
        }

        double[] row(int t) {
            double[] row = new double[cells.length];
            for (int s = 0; s < cells.length; s++) {
                row[s] = cells[s][t];
            }
            return row;
        }

        int[] completeRows() {
            int[] complete = new int[times.length];
            int n = 0;
            for (int t = 0; t < times.length; t++) {
                boolean all = true;
                for (double[] column : cells) {
                    all &= !Double.isNaN(column[t]);
                }
                if (all) {
                    complete[n++] = t;
                }
            }
            return Arrays.copyOf(complete, n);
        }

        Grid rows(int from, int to) {
            double[][] sub = new double[cells.length][];
            for (int s = 0; s < cells.length; s++) {
                sub[s] = Arrays.copyOfRange(cells[s], from, to);
            }
            return new Grid(Arrays.copyOfRange(times, from, to), sub);
        }

        // Each series is resampled on its own (operations.handle_resample); all come out on the same timestamps.
        Grid resample(Resampling resampling, AggregationMethod method) {
            resampling.checkMethod(method);
            long[] newTimes = null;
            double[][] newCells = new double[cells.length][];
            for (int s = 0; s < cells.length; s++) {
                Points column = new Points(times, cells[s]);
                Points resampled = SeriesAggregator.aggregate(column, resampling.grouping(), method);
                newTimes = resampled.timestamps();
                newCells[s] = resampled.values();
            }
            return new Grid(newTimes == null ? new long[0] : newTimes, newCells);
        }
    }
}

package org.polenta.core.aggregates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Several series of one granularity laid on the union of their timestamps, as Gnocchi's
 * rest/aggregates/processor.aggregated() builds its value grid before any operation: missing cells take the fill,
 * and without a fill the overlap checks decide whether the series may be combined at all. Cells are kept by series:
 * {@code columns()[series][time]}. Immutable.
 */
public final class SeriesGrid {

    private final long[] times;
    private final double[][] cells;

    public SeriesGrid(long[] times, double[][] cells) {
        this.times = times;
        this.cells = cells;
    }

    public static SeriesGrid of(List<Points> series, Fill fill) {
        long[] times = union(series);
        double[][] cells = new double[series.size()][times.length];
        for (int s = 0; s < series.size(); s++) {
            Points p = series.get(s);
            double[] column = cells[s];
            if (p.size() == times.length) {
                // Every timestamp of the union: the series' own values, in order.
                System.arraycopy(p.values(), 0, column, 0, times.length);
            } else {
                Arrays.fill(column, fill.filler());
                // Both sorted: one walk along the union places every point.
                int t = 0;
                for (int i = 0; i < p.size(); i++) {
                    long ts = p.timestamp(i);
                    while (times[t] != ts) {
                        t++;
                    }
                    column[t] = p.value(i);
                }
            }
            fill.propagate(column);
        }
        return new SeriesGrid(times, cells);
    }

    /** The sorted union of the series' timestamps (each strictly increasing, as Points are). */
    private static long[] union(List<Points> series) {
        long[] union = new long[0];
        for (Points p : series) {
            long[] other = p.timestamps();
            if (other.length == 0 || Arrays.equals(union, other)) {
                continue;
            }
            if (union.length == 0) {
                union = other;
                continue;
            }
            long[] merged = new long[union.length + other.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < union.length && j < other.length) {
                long a = union[i];
                long b = other[j];
                if (a < b) {
                    merged[n++] = a;
                    i++;
                } else if (b < a) {
                    merged[n++] = b;
                    j++;
                } else {
                    merged[n++] = a;
                    i++;
                    j++;
                }
            }
            while (i < union.length) {
                merged[n++] = union[i++];
            }
            while (j < other.length) {
                merged[n++] = other[j++];
            }
            union = n == merged.length ? merged : Arrays.copyOf(merged, n);
        }
        // The grid must not share an array a series owns.
        return union.clone();
    }

    public long[] times() {
        return times;
    }

    /** The cells by series; callers must not change them. */
    public double[][] columns() {
        return cells;
    }

    public int seriesCount() {
        return cells.length;
    }

    double[] row(int t) {
        double[] row = new double[cells.length];
        for (int s = 0; s < cells.length; s++) {
            row[s] = cells[s][t];
        }
        return row;
    }

    /**
     * Gnocchi's overlap checks (no fill given): none of the timestamps complete while some overlap is needed fails;
     * otherwise, without explicit bounds, the grid is cut to the first / last timestamp all series share, and the
     * share of complete timestamps must reach {@code neededOverlap} percent.
     *
     * @param lookupKeys what the failure names, one entry per series
     * @throws UnaggregableTimeseriesException "No overlap" or "Less than ...% of datapoints overlap ..."
     */
    public SeriesGrid checkOverlap(List<List<String>> lookupKeys, Long start, Long stop, double neededOverlap) {
        int[] overlap = completeRows();
        if (overlap.length == 0 && neededOverlap > 0) {
            throw new UnaggregableTimeseriesException(lookupKeys, "No overlap");
        }
        if (times.length == 0) {
            return this;
        }
        SeriesGrid trimmed = this;
        if (overlap.length > 0) {
            int from = start == null ? overlap[0] : 0;
            int to = stop == null ? overlap[overlap.length - 1] + 1 : times.length;
            trimmed = rows(from, to);
        }
        double percent = overlap.length * 100.0 / trimmed.times.length;
        if (percent < neededOverlap) {
            throw new UnaggregableTimeseriesException(lookupKeys, String.format(Locale.ROOT,
                    "Less than %s%% of datapoints overlap in this timespan (%s%%)",
                    fixed(neededOverlap, 6), fixed(percent, 2)));
        }
        return trimmed;
    }

    private int[] completeRows() {
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

    private SeriesGrid rows(int from, int to) {
        double[][] sub = new double[cells.length][];
        for (int s = 0; s < cells.length; s++) {
            sub[s] = Arrays.copyOfRange(cells[s], from, to);
        }
        return new SeriesGrid(Arrays.copyOfRange(times, from, to), sub);
    }

    /**
     * Each series resampled on its own, as carbonara resamples one series (operations.handle_resample): all come
     * out on the same timestamps since they share theirs.
     */
    public SeriesGrid resample(Grouping grouping, AggregationMethod method) {
        long[] newTimes = null;
        double[][] newCells = new double[cells.length][];
        for (int s = 0; s < cells.length; s++) {
            Points resampled = SeriesAggregator.aggregate(new Points(times, cells[s]), grouping, method);
            newTimes = resampled.timestamps();
            newCells[s] = resampled.values();
        }
        return new SeriesGrid(newTimes == null ? new long[0] : newTimes, newCells);
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
}

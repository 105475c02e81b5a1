package org.polenta.core.aggregates.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.polenta.core.aggregates.AggregationMethod;
import org.polenta.core.aggregates.FixedGrouping;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.Reaggregation;
import org.polenta.core.aggregates.SeriesAggregator;
import org.polenta.core.aggregates.UnaggregableTimeseriesException;
import org.polenta.core.errors.InvalidInputException;

/**
 * Evaluates an operations tree over the series of one granularity, as Gnocchi's rest/aggregates/operations.evaluate
 * does: the input columns are the references' series on a shared time grid, in reference order; "metric" nodes pick
 * columns, the other nodes transform them. Where Gnocchi fails with a server error (operands of different shapes,
 * a number where a series is needed, a method carbonara cannot resample with), this answers a 400 instead.
 */
public final class OperationsEvaluator {

    private final List<MetricRef> columnKeys;
    private final List<List<String>> lookupKeys;

    /**
     * @param columnKeys the reference each input column answers to, in column order
     * @param lookupKeys how failures name the columns (Gnocchi's lookup keys), in column order
     */
    public OperationsEvaluator(List<MetricRef> columnKeys, List<List<String>> lookupKeys) {
        this.columnKeys = List.copyOf(columnKeys);
        this.lookupKeys = List.copyOf(lookupKeys);
    }

    public Evaluated evaluate(Operation op, long granularity, long[] times, double[][] columns) {
        return eval(op, new Evaluated(granularity, times, columns, Double.NaN, false));
    }

    private Evaluated eval(Operation op, Evaluated input) {
        if (op instanceof Operation.Constant c) {
            return new Evaluated(input.granularity(), input.times(), null, c.value(), input.aggregated());
        }
        if (op instanceof Operation.Metrics m) {
            return select(m, input);
        }
        if (op instanceof Operation.Aggregate a) {
            return aggregate(a, series(eval(a.operand(), input), a));
        }
        if (op instanceof Operation.Rolling r) {
            return rolling(r, series(eval(r.operand(), input), r));
        }
        if (op instanceof Operation.Resample r) {
            return resample(r, series(eval(r.operand(), input), r));
        }
        if (op instanceof Operation.Unary u) {
            return unary(u, eval(u.operand(), input));
        }
        if (op instanceof Operation.RateOfChange r) {
            return rateOfChange(series(eval(r.operand(), input), r));
        }
        if (op instanceof Operation.Binary b) {
            Evaluated left = eval(b.left(), input);
            Evaluated right = eval(b.right(), input);
            return combine(List.of(left, right), List.of(b.left(), b.right()),
                    values -> b.operator().apply(values[0], values[1]));
        }
        Operation.Clip c = (Operation.Clip) op;
        List<Evaluated> operands = new ArrayList<>();
        List<Operation> nodes = new ArrayList<>();
        operands.add(eval(c.operand(), input));
        nodes.add(c.operand());
        operands.add(eval(c.min(), input));
        nodes.add(c.min());
        if (c.max() != null) {
            operands.add(eval(c.max(), input));
            nodes.add(c.max());
        }
        boolean withMax = c.max() != null;
        // numpy.clip: maximum with the lower bound, then minimum with the upper one; NaN propagates.
        return combine(operands, nodes, v -> withMax ? Math.min(Math.max(v[0], v[1]), v[2]) : Math.max(v[0], v[1]));
    }

    private Evaluated select(Operation.Metrics m, Evaluated input) {
        List<double[]> picked = new ArrayList<>();
        for (int i = 0; i < columnKeys.size(); i++) {
            if (m.refs().contains(columnKeys.get(i))) {
                picked.add(input.columns()[i]);
            }
        }
        return Evaluated.series(input.granularity(), input.times(), picked.toArray(new double[0][]),
                input.aggregated());
    }

    private Evaluated series(Evaluated value, Operation parent) {
        if (!value.isSeries()) {
            throw new InvalidInputException("Operation " + parent.repr() + " needs a time series, got a number");
        }
        return value;
    }

    // numpy's NaN-ignoring reduction across the series at each timestamp, then the differences for "rate:".
    private Evaluated aggregate(Operation.Aggregate a, Evaluated in) {
        Reaggregation how = Reaggregation.of(a.method());
        long[] times = in.times();
        double[] values = new double[times.length];
        double[] row = new double[in.columns().length];
        for (int t = 0; t < times.length; t++) {
            for (int s = 0; s < row.length; s++) {
                row[s] = in.columns()[s][t];
            }
            values[t] = how.function().applyAsDouble(row);
        }
        if (how.rate()) {
            times = tail(times, 1);
            values = differences(values);
        }
        return Evaluated.series(in.granularity(), times, new double[][] {values}, true);
    }

    private Evaluated rolling(Operation.Rolling r, Evaluated in) {
        int length = in.times().length;
        if (r.window() > length) {
            throw new UnaggregableTimeseriesException(lookupKeys, String.format(Locale.ROOT,
                    "Rolling window '%d' is greater than serie length '%d'", r.window(), length));
        }
        Reaggregation how = Reaggregation.of(r.method());
        ToDoubleFunction<double[]> f = how.function();
        int positions = length - r.window() + 1;
        double[][] out = new double[in.columns().length][];
        for (int s = 0; s < out.length; s++) {
            double[] column = in.columns()[s];
            double[] values = new double[positions];
            for (int p = 0; p < positions; p++) {
                values[p] = f.applyAsDouble(Arrays.copyOfRange(column, p, p + r.window()));
            }
            out[s] = how.rate() ? differences(values) : values;
        }
        long[] times = tail(in.times(), r.window() - 1);
        if (how.rate()) {
            times = tail(times, 1);
        }
        return Evaluated.series(in.granularity(), times, out, in.aggregated());
    }

    private Evaluated resample(Operation.Resample r, Evaluated in) {
        AggregationMethod method = AggregationMethod.find(r.method()).orElseThrow(() -> new InvalidInputException(
                "Aggregation method '" + r.method() + "' cannot resample: " + r.repr()));
        FixedGrouping grouping = new FixedGrouping(r.samplingNanos());
        long[] times = new long[0];
        double[][] out = new double[in.columns().length][];
        for (int s = 0; s < out.length; s++) {
            Points resampled = SeriesAggregator.aggregate(new Points(in.times(), in.columns()[s]), grouping, method);
            times = resampled.timestamps();
            out[s] = resampled.values();
        }
        return Evaluated.series(r.samplingNanos(), times, out, in.aggregated());
    }

    private Evaluated unary(Operation.Unary u, Evaluated in) {
        if (!in.isSeries()) {
            return new Evaluated(in.granularity(), in.times(), null, u.operator().apply(in.scalar()),
                    in.aggregated());
        }
        double[][] out = new double[in.columns().length][];
        for (int s = 0; s < out.length; s++) {
            double[] column = in.columns()[s];
            out[s] = new double[column.length];
            for (int t = 0; t < column.length; t++) {
                out[s][t] = u.operator().apply(column[t]);
            }
        }
        return Evaluated.series(in.granularity(), in.times(), out, in.aggregated());
    }

    private Evaluated rateOfChange(Evaluated in) {
        double[][] out = new double[in.columns().length][];
        for (int s = 0; s < out.length; s++) {
            out[s] = differences(in.columns()[s]);
        }
        return Evaluated.series(in.granularity(), tail(in.times(), 1), out, in.aggregated());
    }

    /**
     * Applies an element-wise function to operands that are series or numbers, numpy-broadcast: series must share
     * their timestamps and granularity, and have the same number of columns unless one has a single column.
     */
    private Evaluated combine(List<Evaluated> operands, List<Operation> nodes, ToDoubleFunction<double[]> f) {
        Evaluated first = null;
        int seriesCount = 0;
        int width = 1;
        boolean aggregated = false;
        for (Evaluated e : operands) {
            aggregated |= e.aggregated();
            if (!e.isSeries()) {
                continue;
            }
            seriesCount++;
            if (first == null) {
                first = e;
            } else if (!Arrays.equals(first.times(), e.times()) || first.granularity() != e.granularity()) {
                throw new UnaggregableTimeseriesException(lookupKeys, "Can't compute timeseries with different "
                        + "granularity " + String.join(" <> ", nodes.stream().map(Operation::repr).toList()));
            }
            if (e.width() != 1 && width != 1 && e.width() != width) {
                throw new UnaggregableTimeseriesException(lookupKeys, "Can't compute timeseries with different "
                        + "numbers of series " + String.join(" <> ", nodes.stream().map(Operation::repr).toList()));
            }
            width = Math.max(width, e.width());
        }
        double[] args = new double[operands.size()];
        if (first == null) {
            for (int i = 0; i < args.length; i++) {
                args[i] = operands.get(i).scalar();
            }
            Evaluated any = operands.get(0);
            return new Evaluated(any.granularity(), any.times(), null, f.applyAsDouble(args), aggregated);
        }
        int length = first.times().length;
        double[][] out = new double[width][length];
        for (int s = 0; s < width; s++) {
            for (int t = 0; t < length; t++) {
                for (int i = 0; i < args.length; i++) {
                    args[i] = operands.get(i).at(s, t);
                }
                out[s][t] = f.applyAsDouble(args);
            }
        }
        // Two series combined no longer belong to one metric each.
        return Evaluated.series(first.granularity(), first.times(), out, aggregated || seriesCount > 1);
    }

    private static long[] tail(long[] times, int from) {
        return from >= times.length ? new long[0] : Arrays.copyOfRange(times, from, times.length);
    }

    private static double[] differences(double[] values) {
        if (values.length < 2) {
            return new double[0];
        }
        double[] diffs = new double[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            diffs[i - 1] = values[i] - values[i - 1];
        }
        return diffs;
    }
}

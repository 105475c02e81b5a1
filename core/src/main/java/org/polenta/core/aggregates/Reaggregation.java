package org.polenta.core.aggregates;

import org.polenta.core.errors.InvalidInputException;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * How /v1/aggregation/metric combines the metrics' values at one timestamp: numpy's NaN-ignoring reductions
 * (rest/aggregates/operations.py AGG_MAP), optionally followed by the difference between consecutive timestamps
 * ("rate:" prefix). Sums run in metric order, as numpy reduces that axis.
 */
public record Reaggregation(String name, boolean rate, ToDoubleFunction<double[]> function) {

    private static final Map<String, ToDoubleFunction<double[]>> FUNCTIONS = Map.of(
            "mean", Reaggregation::nanMean,
            "median", Reaggregation::nanMedian,
            "std", row -> Math.sqrt(nanVar(row)),
            "var", Reaggregation::nanVar,
            "min", Reaggregation::nanMin,
            "max", Reaggregation::nanMax,
            "sum", Reaggregation::nanSum,
            "count", row -> count(row));

    /**
     * @throws InvalidInputException for a method Gnocchi cannot reaggregate with (it fails with a server error)
     */
    public static Reaggregation of(String name) {
        boolean rate = name.startsWith("rate:");
        ToDoubleFunction<double[]> f = FUNCTIONS.get(rate ? name.substring(5) : name);
        if (f == null) {
            throw new InvalidInputException("Aggregation method '" + name + "' cannot aggregate several metrics; "
                    + "use one of " + String.join(", ", new TreeSet<>(FUNCTIONS.keySet()))
                    + ", optionally prefixed with rate:");
        }
        return new Reaggregation(name, rate, f);
    }

    private static int count(double[] row) {
        int n = 0;
        for (double v : row) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    // numpy reduces from the first element, NaN replaced by zero.
    static double nanSum(double[] row) {
        if (row.length == 0) {
            return 0.0;
        }
        double s = Double.isNaN(row[0]) ? 0.0 : row[0];
        for (int i = 1; i < row.length; i++) {
            s += Double.isNaN(row[i]) ? 0.0 : row[i];
        }
        return s;
    }

    private static double nanMean(double[] row) {
        int n = count(row);
        return n == 0 ? Double.NaN : nanSum(row) / n;
    }

    private static double nanVar(double[] row) {
        int n = count(row);
        if (n == 0) {
            return Double.NaN;
        }
        double mean = nanSum(row) / n;
        double[] squares = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            double d = Double.isNaN(row[i]) ? 0.0 : row[i] - mean;
            squares[i] = d * d;
        }
        return nanSum(squares) / n;
    }

    private static double nanMin(double[] row) {
        double m = Double.NaN;
        for (double v : row) {
            if (!Double.isNaN(v) && (Double.isNaN(m) || v < m)) {
                m = v;
            }
        }
        return m;
    }

    private static double nanMax(double[] row) {
        double m = Double.NaN;
        for (double v : row) {
            if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) {
                m = v;
            }
        }
        return m;
    }

    private static double nanMedian(double[] row) {
        double[] present = Arrays.stream(row).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = present.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (n % 2 == 1) {
            return present[n / 2];
        }
        return (present[n / 2 - 1] + present[n / 2]) / 2.0;
    }
}

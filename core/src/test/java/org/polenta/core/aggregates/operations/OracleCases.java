package org.polenta.core.aggregates.operations;

import java.util.List;
import java.util.Map;
import org.polenta.core.testing.TestJson;

/** The cases operations_oracle.py wrote by running Gnocchi 4.4's own code, one JSON object per line. */
final class OracleCases {

    private OracleCases() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(String file) {
        return TestJson.lines(OracleCases.class, file).stream()
                .map(line -> (Map<String, Object>) TestJson.parse(line)).toList();
    }

    /** A number as the oracle writes it: non-finite values are the strings "nan", "inf", "-inf". */
    static double number(Object value) {
        if (value instanceof String s) {
            return switch (s) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException(s);
            };
        }
        return ((Number) value).doubleValue();
    }

    /** Equal as numpy's results are, allowing the last bits of transcendental functions and summation order. */
    static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return Double.compare(expected, actual) == 0 || (Double.isNaN(expected) && Double.isNaN(actual));
        }
        return Math.abs(expected - actual) <= 1e-12 * Math.max(1.0, Math.abs(expected));
    }
}

package org.polenta.core.incoming;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.text.PythonFloats;
import org.polenta.core.time.Timestamps;
import org.polenta.core.validation.SchemaViolation;

/**
 * Reads the body of a measures POST ({@code [{"timestamp": ..., "value": ...}, ...]}, as untyped JSON: List, Map,
 * Number, String, Boolean) with Gnocchi's rules and messages (rest/api.py MeasuresListSchema):
 * timestamps are read as a batch, so the first one decides the format of all (see {@link Timestamps#parseAll});
 * timestamp problems are reported before value problems; extra keys in a measure are ignored; numeric text is a
 * valid value. Unlike Gnocchi, NaN and infinite values are refused (they cannot be aggregated or stored
 * faithfully), and a measure without a timestamp is a 400 rather than a 500.
 */
public final class MeasuresParser {

    static final String UNEXPECTED_FORMAT = "unexpected measures format";
    static final String UNEXPECTED_VALUE = "unexpected measures value";

    private MeasuresParser() {
    }

    /** @throws StructuredInvalidInputException {"cause": "Invalid input", "reason": "unexpected ...", "detail": []} */
    public static List<Measure> parse(Object jsonArray) {
        return parse(jsonArray, List.of(), Clock.systemUTC());
    }

    /**
     * @param path where the list sits in the body, for the batch endpoints (e.g. {@code List.of(metricId)});
     *             errors then read "... for dictionary value @ data['id']" as Gnocchi words them
     * @param clock "now", for relative timestamps
     */
    public static List<Measure> parse(Object jsonArray, List<Object> path, Clock clock) {
        if (!(jsonArray instanceof List<?> measures)) {
            throw violation(path, UNEXPECTED_FORMAT);
        }
        List<Object> timestamps = new ArrayList<>(measures.size());
        for (Object measure : measures) {
            if (!(measure instanceof Map<?, ?> fields) || !fields.containsKey("timestamp")) {
                throw violation(path, UNEXPECTED_FORMAT);
            }
            timestamps.add(fields.get("timestamp"));
        }
        List<Long> instants = readTimestamps(timestamps, path, clock);
        List<Measure> parsed = new ArrayList<>(measures.size());
        for (int i = 0; i < measures.size(); i++) {
            Object value = ((Map<?, ?>) measures.get(i)).get("value");
            parsed.add(new Measure(instants.get(i), finiteValue(value, path)));
        }
        return parsed;
    }

    private static List<Long> readTimestamps(List<Object> timestamps, List<Object> path, Clock clock) {
        try {
            return Timestamps.parseAll(timestamps, clock);
        } catch (Timestamps.UnsupportedTypeException e) {
            throw violation(path, UNEXPECTED_FORMAT);
        } catch (InvalidInputException e) {
            throw violation(path, "unexpected timestamp '" + e.getMessage() + "'");
        }
    }

    private static double finiteValue(Object value, List<Object> path) {
        OptionalDouble number = OptionalDouble.empty();
        if (value instanceof Boolean flag) {
            number = OptionalDouble.of(flag ? 1 : 0);
        } else if (value instanceof Number n) {
            number = OptionalDouble.of(n.doubleValue());
        } else if (value instanceof CharSequence text) {
            number = PythonFloats.parse(text.toString());
        }
        if (number.isEmpty() || !Double.isFinite(number.getAsDouble())) {
            throw violation(path, UNEXPECTED_VALUE);
        }
        return number.getAsDouble();
    }

    private static StructuredInvalidInputException violation(List<Object> path, String message) {
        return new SchemaViolation(message, path, !path.isEmpty()).toException();
    }
}

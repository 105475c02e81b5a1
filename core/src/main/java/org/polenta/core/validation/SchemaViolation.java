package org.polenta.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.text.PythonRepr;

/**
 * One failure of a body against its schema, worded as Gnocchi's validation library (voluptuous) words it:
 * a message, an optional "for dictionary value" when the failing value sits directly under a mapping key,
 * and the path to the value, e.g. {@code value must be at least 1 for dictionary value @ data['definition'][0]['points']}.
 * Path elements are String keys or Integer list indexes.
 */
public record SchemaViolation(String message, List<Object> path, boolean dictionaryValue) {

    public SchemaViolation {
        path = List.copyOf(path);
    }

    public static SchemaViolation at(List<Object> path, String message) {
        return new SchemaViolation(message, path, false);
    }

    /** The failure of a value found directly under the last key of {@code path}. */
    public static SchemaViolation dictionaryValue(List<Object> path, String message) {
        return new SchemaViolation(message, path, true);
    }

    public static List<Object> append(List<Object> path, Object element) {
        List<Object> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(element);
        return longer;
    }

    public SchemaViolation prepend(List<Object> prefix) {
        List<Object> longer = new ArrayList<>(prefix);
        longer.addAll(path);
        return new SchemaViolation(message, longer, dictionaryValue);
    }

    /** Marks the failure as a mapping's value, unless it lies deeper than the key at {@code keyPathLength}. */
    public SchemaViolation asValueOfKeyAt(int keyPathLength) {
        return path.size() <= keyPathLength ? new SchemaViolation(message, path, true) : this;
    }

    /** The text voluptuous gives as str(error). */
    public String reason() {
        StringBuilder reason = new StringBuilder(message);
        if (dictionaryValue) {
            reason.append(" for dictionary value");
        }
        if (!path.isEmpty()) {
            reason.append(" @ data[")
                    .append(path.stream().map(SchemaViolation::reprOf).collect(Collectors.joining("][")))
                    .append(']');
        }
        return reason.toString();
    }

    /** How Gnocchi reports a body that fails its schema. */
    public StructuredInvalidInputException toException() {
        return toException(StructuredInvalidInputException.INVALID_INPUT, true);
    }

    /** @param withDetail whether the description carries the path as "detail" (request bodies do, query strings do not) */
    public StructuredInvalidInputException toException(String cause, boolean withDetail) {
        List<String> detail = path.stream().map(String::valueOf).toList();
        return new StructuredInvalidInputException(cause, reason(), withDetail ? detail : null);
    }

    private static String reprOf(Object element) {
        return element instanceof String key ? PythonRepr.of(key) : String.valueOf(element);
    }
}

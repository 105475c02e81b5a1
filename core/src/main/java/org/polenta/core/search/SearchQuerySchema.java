package org.polenta.core.search;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.polenta.core.validation.SchemaViolation;

/**
 * Checks a /v1/search/metric body against Gnocchi's schema (SearchMetricController.MetricSearchSchema) and
 * reports the same first failure its validation library (voluptuous) would: when alternatives all fail, the
 * failure with the longest path wins, the earliest one on a tie; a list reports the first failing element,
 * except that a failure nested deeper inside an element is reported at once.
 *
 * <pre>
 * query     := {binary-op: operand} | {logical-op: [query, ...]}         (exactly one key)
 * operand   := number | [term, term]
 * term      := number | {binary-op: operand}
 * </pre>
 */
final class SearchQuerySchema {

    static final Set<String> BINARY_OPERATORS = Set.of(
            "=", "==", "eq", "<", "lt", ">", "gt", "<=", "≤", "le", ">=", "≥", "ge", "!=", "≠", "ne",
            "%", "mod", "+", "add", "-", "sub", "*", "×", "mul", "/", "÷", "div", "**", "^", "pow");
    static final Set<String> LOGICAL_OPERATORS = Set.of("and", "∨", "or", "∧", "not");

    private SearchQuerySchema() {
    }

    /** @return the first failure, or null when the query is valid */
    static SchemaViolation check(Object query) {
        return query(query, List.of());
    }

    static boolean isNumber(Object value) {
        return isFloat(value) || isInt(value);
    }

    private static SchemaViolation query(Object value, List<Object> path) {
        SchemaViolation asOperation = operation(value, path);
        if (asOperation == null) {
            return null;
        }
        SchemaViolation asLogical = logical(value, path);
        if (asLogical == null) {
            return null;
        }
        return deeper(asOperation, asLogical);
    }

    private static SchemaViolation operation(Object value, List<Object> path) {
        return singleOperator(value, path, BINARY_OPERATORS, SearchQuerySchema::operand);
    }

    /** A dictionary of exactly one key, an operator of the given set, whose value the operand schema accepts. */
    private static SchemaViolation singleOperator(Object value, List<Object> path, Set<String> operators,
                                                  BiFunction<Object, List<Object>, SchemaViolation> operandSchema) {
        SchemaViolation length = exactlyOneElement(value, path);
        if (length != null) {
            return length;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return SchemaViolation.at(path, "expected a dictionary");
        }
        for (var entry : map.entrySet()) {
            List<Object> keyPath = SchemaViolation.append(path, entry.getKey());
            if (!operators.contains(entry.getKey())) {
                return SchemaViolation.at(keyPath, "extra keys not allowed");
            }
            SchemaViolation operand = operandSchema.apply(entry.getValue(), keyPath);
            if (operand != null) {
                return operand.asValueOfKeyAt(keyPath.size());
            }
        }
        return null;
    }

    /** Any(float, int, All([float, int, operation], Length(min=2, max=2))). */
    private static SchemaViolation operand(Object value, List<Object> path) {
        if (isNumber(value)) {
            return null;
        }
        SchemaViolation pair = pairOfTerms(value, path);
        if (pair == null) {
            return null;
        }
        SchemaViolation notAFloat = SchemaViolation.at(path, "expected float");
        return deeper(notAFloat, pair);
    }

    private static SchemaViolation pairOfTerms(Object value, List<Object> path) {
        if (!(value instanceof List<?> terms)) {
            return SchemaViolation.at(path, "expected a list");
        }
        SchemaViolation firstFailure = null;
        for (int i = 0; i < terms.size(); i++) {
            Object term = terms.get(i);
            if (isNumber(term)) {
                continue;
            }
            List<Object> termPath = SchemaViolation.append(path, i);
            SchemaViolation failure = operation(term, termPath);
            if (failure != null) {
                if (failure.path().size() > termPath.size()) {
                    return failure;
                }
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
        }
        if (firstFailure != null) {
            return firstFailure;
        }
        if (terms.size() < 2) {
            return SchemaViolation.at(path, "length of value must be at least 2");
        }
        if (terms.size() > 2) {
            return SchemaViolation.at(path, "length of value must be at most 2");
        }
        return null;
    }

    private static SchemaViolation logical(Object value, List<Object> path) {
        return singleOperator(value, path, LOGICAL_OPERATORS, SearchQuerySchema::listOfQueries);
    }

    private static SchemaViolation listOfQueries(Object value, List<Object> path) {
        if (!(value instanceof List<?> queries)) {
            return SchemaViolation.at(path, "expected a list");
        }
        SchemaViolation firstFailure = null;
        for (int i = 0; i < queries.size(); i++) {
            List<Object> elementPath = SchemaViolation.append(path, i);
            SchemaViolation failure = query(queries.get(i), elementPath);
            if (failure != null) {
                if (failure.path().size() > elementPath.size()) {
                    return failure;
                }
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
        }
        return firstFailure;
    }

    /** voluptuous' Length(min=1, max=1): anything without a length is "invalid value or type". */
    private static SchemaViolation exactlyOneElement(Object value, List<Object> path) {
        long length;
        if (value instanceof CharSequence text) {
            length = text.toString().codePointCount(0, text.length());
        } else if (value instanceof List<?> list) {
            length = list.size();
        } else if (value instanceof Map<?, ?> map) {
            length = map.size();
        } else {
            return SchemaViolation.at(path, "invalid value or type");
        }
        if (length < 1) {
            return SchemaViolation.at(path, "length of value must be at least 1");
        }
        if (length > 1) {
            return SchemaViolation.at(path, "length of value must be at most 1");
        }
        return null;
    }

    /** Of two failed alternatives, the one voluptuous' Any reports: strictly deeper wins, else the first. */
    private static SchemaViolation deeper(SchemaViolation first, SchemaViolation second) {
        return second.path().size() > first.path().size() ? second : first;
    }

    private static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal;
    }

    private static boolean isInt(Object value) {
        // Python's bool is an int, so true and false pass where an int does.
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof Boolean;
    }
}

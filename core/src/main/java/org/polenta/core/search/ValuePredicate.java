package org.polenta.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.validation.SchemaViolation;

/**
 * The value filter of POST /v1/search/metric, e.g. {@code {"and": [{">": 0}, {"<=": 100}]}} or
 * {@code {">=": [{"+": 23}, 50]}} ("value + 23 >= 50"), evaluated as Gnocchi's SearchMetricController.MeasureQuery
 * does: an operator with a single number applies to the value ({"=": 12} is "value == 12"); an operator with a
 * pair applies to the two terms; logical operators combine sub-queries ("and"/"∧" all, "or"/"∨" any, both short-
 * circuit); an arithmetic result used as the whole query is true when non-zero (or NaN), as Python's truth is.
 * "not" passes the schema but no Gnocchi evaluator exists for it, so it is refused with "Unknown operator not".
 */
public final class ValuePredicate {

    private final Term root;

    private ValuePredicate(Term root) {
        this.root = root;
    }

    /**
     * @throws org.polenta.core.errors.StructuredInvalidInputException when the body fails Gnocchi's schema
     *         ({"cause": "Invalid input", "reason": "...", "detail": [path]})
     * @throws InvalidInputException "Unknown operator not"
     */
    public static ValuePredicate parse(Object jsonBody) {
        SchemaViolation violation = SearchQuerySchema.check(jsonBody);
        if (violation != null) {
            throw violation.toException();
        }
        return new ValuePredicate(build(jsonBody));
    }

    /**
     * Whether a measure value matches.
     *
     * @throws InvalidInputException where Python raises while evaluating (division or modulo by zero, zero to a
     *         negative power, overflow, a negative number to a fractional power); Gnocchi answers those with a 500
     */
    public boolean test(double value) {
        double result = root.evaluate(value);
        return result != 0 || Double.isNaN(result);
    }

    /** A node of the query, evaluated to a double; booleans are 1.0/0.0, as Python's bool is an int. */
    @FunctionalInterface
    private interface Term {
        double evaluate(double value);
    }

    private static Term build(Object node) {
        if (!(node instanceof Map<?, ?> map) || map.isEmpty()) {
            double constant = constant(node);
            return value -> constant;
        }
        var entry = map.entrySet().iterator().next();
        String operator = (String) entry.getKey();
        Object operands = entry.getValue();
        return switch (operator) {
            case "and", "∧" -> all(buildAll(operands));
            case "or", "∨" -> any(buildAll(operands));
            default -> binary(operator, binaryOperation(operator), operands);
        };
    }

    private static Term binary(String operator, DoubleBinaryOperator operation, Object operands) {
        if (operands instanceof List<?> pair) {
            Term left = build(pair.get(0));
            Term right = build(pair.get(1));
            return value -> {
                double l = left.evaluate(value);
                double r = right.evaluate(value);
                return operation.applyAsDouble(l, r);
            };
        }
        double constant = constant(operands);
        return value -> operation.applyAsDouble(value, constant);
    }

    private static List<Term> buildAll(Object operands) {
        List<Term> terms = new ArrayList<>();
        for (Object operand : (List<?>) operands) {
            terms.add(build(operand));
        }
        return terms;
    }

    private static Term all(List<Term> terms) {
        return value -> {
            for (Term term : terms) {
                if (!truth(term.evaluate(value))) {
                    return 0;
                }
            }
            return 1;
        };
    }

    private static Term any(List<Term> terms) {
        return value -> {
            for (Term term : terms) {
                if (truth(term.evaluate(value))) {
                    return 1;
                }
            }
            return 0;
        };
    }

    private static boolean truth(double result) {
        return result != 0 || Double.isNaN(result);
    }

    private static DoubleBinaryOperator binaryOperation(String operator) {
        return switch (operator) {
            case "=", "==", "eq" -> (a, b) -> bool(a == b);
            case "<", "lt" -> (a, b) -> bool(a < b);
            case ">", "gt" -> (a, b) -> bool(a > b);
            case "<=", "≤", "le" -> (a, b) -> bool(a <= b);
            case ">=", "≥", "ge" -> (a, b) -> bool(a >= b);
            case "!=", "≠", "ne" -> (a, b) -> bool(a != b);
            case "%", "mod" -> PythonFloatArithmetic::modulo;
            case "+", "add" -> Double::sum;
            case "-", "sub" -> (a, b) -> a - b;
            case "*", "×", "mul" -> (a, b) -> a * b;
            case "/", "÷", "div" -> PythonFloatArithmetic::divide;
            case "**", "^", "pow" -> PythonFloatArithmetic::power;
            default -> throw new InvalidInputException("Unknown operator " + operator);
        };
    }

    private static double bool(boolean condition) {
        return condition ? 1 : 0;
    }

    private static double constant(Object node) {
        if (node instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        return ((Number) node).doubleValue();
    }
}

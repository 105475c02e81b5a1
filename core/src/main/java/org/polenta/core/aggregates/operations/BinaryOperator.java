package org.polenta.core.aggregates.operations;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/**
 * The binary operators of Gnocchi's operations language (operations.binary_operators), with numpy's element
 * semantics. Comparisons give 1.0 or 0.0, which is what numpy's booleans become in any later arithmetic.
 */
public enum BinaryOperator {
    EQUAL((a, b) -> truth(a == b), "=", "==", "eq"),
    LESS((a, b) -> truth(a < b), "<", "lt"),
    GREATER((a, b) -> truth(a > b), ">", "gt"),
    LESS_EQUAL((a, b) -> truth(a <= b), "<=", "≤", "le"),
    GREATER_EQUAL((a, b) -> truth(a >= b), ">=", "≥", "ge"),
    NOT_EQUAL((a, b) -> truth(a != b), "!=", "≠", "ne"),
    MOD(BinaryOperator::mod, "%", "mod"),
    ADD((a, b) -> a + b, "+", "add"),
    SUBTRACT((a, b) -> a - b, "-", "sub"),
    MULTIPLY((a, b) -> a * b, "*", "×", "mul"),
    DIVIDE((a, b) -> a / b, "/", "÷", "div"),
    POWER(BinaryOperator::power, "**", "^", "pow"),
    // numpy.clip with one bound: maximum / minimum, NaN from either side propagating.
    CLIP_MIN(Math::max, "clip_min"),
    CLIP_MAX(Math::min, "clip_max");

    private static final Map<String, BinaryOperator> BY_NAME = byName();

    private final DoubleBinaryOperator function;
    private final String[] names;

    BinaryOperator(DoubleBinaryOperator function, String... names) {
        this.function = function;
        this.names = names;
    }

    public static Optional<BinaryOperator> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public double apply(double a, double b) {
        return function.applyAsDouble(a, b);
    }

    private static Map<String, BinaryOperator> byName() {
        Map<String, BinaryOperator> map = new java.util.HashMap<>();
        for (BinaryOperator op : values()) {
            for (String n : op.names) {
                map.put(n, op);
            }
        }
        return Map.copyOf(map);
    }

    private static double truth(boolean b) {
        return b ? 1.0 : 0.0;
    }

    // numpy.mod on floats (npy_divmod): the remainder takes the divisor's sign, as Python's % does.
    static double mod(double a, double b) {
        double m = a % b;
        if (b == 0) {
            return m;
        }
        if (m != 0) {
            if ((b < 0) != (m < 0)) {
                m += b;
            }
        } else {
            m = Math.copySign(0.0, b);
        }
        return m;
    }

    // C99 pow, which numpy uses: unlike Java's, 1 to any power and -1 to an infinite power are 1.
    static double power(double a, double b) {
        if (a == 1.0 || (a == -1.0 && Double.isInfinite(b))) {
            return 1.0;
        }
        return StrictMath.pow(a, b);
    }
}

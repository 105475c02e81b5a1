package org.polenta.core.aggregates.operations;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/** The element-wise unary operators of Gnocchi's operations language (operations.unary_operators). */
public enum UnaryOperator {
    ABSOLUTE(Math::abs, "abs", "absolute"),
    NEGATIVE(v -> -v, "neg", "negative"),
    COS(StrictMath::cos, "cos"),
    SIN(StrictMath::sin, "sin"),
    TAN(StrictMath::tan, "tan"),
    FLOOR(Math::floor, "floor"),
    CEIL(Math::ceil, "ceil");

    private static final Map<String, UnaryOperator> BY_NAME = byName();

    private final DoubleUnaryOperator function;
    private final String[] names;

    UnaryOperator(DoubleUnaryOperator function, String... names) {
        this.function = function;
        this.names = names;
    }

    public static Optional<UnaryOperator> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public double apply(double v) {
        return function.applyAsDouble(v);
    }

    private static Map<String, UnaryOperator> byName() {
        Map<String, UnaryOperator> map = new java.util.HashMap<>();
        for (UnaryOperator op : values()) {
            for (String n : op.names) {
                map.put(n, op);
            }
        }
        return Map.copyOf(map);
    }
}

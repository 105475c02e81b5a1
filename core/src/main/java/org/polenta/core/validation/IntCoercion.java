package org.polenta.core.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

import org.polenta.core.text.PythonInts;

/** Python's int(value) as voluptuous' Coerce(int) applies it to untyped JSON: failures mean "expected int". */
public final class IntCoercion {

    private IntCoercion() {
    }

    public static Optional<BigInteger> coerce(Object value) {
        if (value instanceof Boolean flag) {
            return Optional.of(flag ? BigInteger.ONE : BigInteger.ZERO);
        }
        if (value instanceof BigInteger big) {
            return Optional.of(big);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            // int(nan) is a ValueError; int(inf) an OverflowError that Gnocchi lets through as a 500.
            return Double.isFinite(number) ? Optional.of(new BigDecimal(number).toBigInteger()) : Optional.empty();
        }
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal.toBigInteger());
        }
        if (value instanceof CharSequence text) {
            return PythonInts.parse(text.toString());
        }
        return Optional.empty();
    }
}

package org.polenta.core.aggregates.operations;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.polenta.core.text.PythonRepr;
import org.polenta.core.time.PythonFloatRepr;

/** Python's str() and repr() of decoded JSON values, for messages that quote what the client sent. */
final class PythonValues {

    private PythonValues() {
    }

    static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return PythonRepr.of(s);
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return PythonFloatRepr.of(d.doubleValue());
        }
        if (value instanceof Number n) {
            return PythonFloatRepr.of(n.doubleValue());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PythonValues::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return PythonRepr.of(value.toString());
    }

    /** The name of Python's type of a decoded JSON value, as "<class 'dict'>" shows it. */
    static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "int";
        }
        return "float";
    }
}

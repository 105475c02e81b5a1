package org.polenta.core.resource;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.polenta.core.text.PythonRepr;
import org.polenta.core.time.PythonFloatRepr;

/**
 * Python's str() and repr() of untyped JSON values, for messages that quote what the client sent, e.g.
 * "Invalid value: `[10, 'x']' for field `size'" or "Resource attribute value min ... 2.5 must be ...".
 */
public final class PythonStr {

    private PythonStr() {
    }

    public static String str(Object value) {
        if (value instanceof String text) {
            return text;
        }
        return repr(value);
    }

    public static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        if (value instanceof String text) {
            return PythonRepr.of(text);
        }
        if (value instanceof Double || value instanceof Float) {
            return PythonFloatRepr.of(((Number) value).doubleValue());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PythonStr::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> repr(entry.getKey()) + ": " + repr(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return value.toString();
    }
}

package org.polenta.listener.signature;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.polenta.core.time.PythonFloatRepr;

/**
 * The text Ceilometer's compute_signature() feeds to the HMAC for one value: Python's str() of it. Lists go
 * through decode_unicode() first, which turns every str inside them into bytes and every dict inside them into
 * a key-sorted dict, so their text is the repr of that structure, e.g. [{b'device': b'/dev/vdb'}].
 */
final class PythonSignatureText {

    private PythonSignatureText() {
    }

    /** str(value) of a JSON scalar or list (dicts are flattened by the caller, never passed here). */
    static String str(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> list) {
            return decodedRepr(list);
        }
        return scalarRepr(value);
    }

    private static String decodedRepr(Object value) {
        if (value instanceof String text) {
            return bytesRepr(text.getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            for (Object element : list) {
                parts.add(decodedRepr(element));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>(map.size());
            for (String key : PythonOrder.sortedKeys(map)) {
                parts.add(decodedRepr(key) + ": " + decodedRepr(map.get(key)));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return scalarRepr(value);
    }

    private static String scalarRepr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return PythonFloatRepr.of(((Number) value).doubleValue());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            return value.toString();
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** Python's repr() of a bytes object. */
    static String bytesRepr(byte[] bytes) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(bytes.length + 3).append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append(quote).toString();
    }
}

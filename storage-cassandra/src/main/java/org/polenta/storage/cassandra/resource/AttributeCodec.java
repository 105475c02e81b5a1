package org.polenta.storage.cassandra.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Resource attribute values as the text stored in the attributes map: a kind prefix keeps the Java type for
 * the round trip, and gives every kind a single text form, so one index on the map's entries answers equality on
 * any attribute. A null value is the empty text (Cassandra collections hold no nulls). Numbers are stored as
 * doubles (Gnocchi's Float(53)), -0.0 as 0.0, which compares equal to it anyway.
 */
public final class AttributeCodec {

    private AttributeCodec() {
    }

    /** @param value String, UUID, Double (any Number), Boolean, Long epoch nanoseconds (datetime), or null */
    public static String encode(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return "s:" + text;
        }
        if (value instanceof UUID uuid) {
            return "u:" + uuid;
        }
        if (value instanceof Boolean flag) {
            return "b:" + flag;
        }
        if (value instanceof Long nanos) {
            return "t:" + nanos;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return "n:" + (d == 0.0 ? 0.0 : d);
        }
        throw new IllegalArgumentException("Unsupported attribute value " + value.getClass().getName());
    }

    public static Object decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String body = text.substring(2);
        return switch (text.substring(0, 2)) {
            case "s:" -> body;
            case "u:" -> UUID.fromString(body);
            case "b:" -> Boolean.valueOf(body);
            case "t:" -> Long.valueOf(body);
            case "n:" -> Double.valueOf(body);
            default -> throw new IllegalStateException("Undecodable attribute value " + text);
        };
    }

    public static Map<String, String> encodeAll(Map<String, Object> attributes) {
        Map<String, String> encoded = new TreeMap<>();
        attributes.forEach((name, value) -> encoded.put(name, encode(value)));
        return encoded;
    }

    /** By name: the map does not keep the type's declaration order. */
    public static Map<String, Object> decodeAll(Map<String, String> stored) {
        Map<String, Object> decoded = new LinkedHashMap<>();
        new TreeMap<>(stored).forEach((name, text) -> decoded.put(name, decode(text)));
        return decoded;
    }
}

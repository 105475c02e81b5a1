package org.polenta.core.resource.type;

import java.util.Locale;
import java.util.UUID;

/**
 * Python's uuid.UUID(value) on untyped JSON: "urn:" and "uuid:" prefixes, braces and dashes are dropped, then
 * exactly 32 hexadecimal digits must remain. Anything but a str fails on str.replace, and Gnocchi passes that
 * AttributeError's text on ("'int' object has no attribute 'replace'").
 */
public final class PythonUuids {

    public static final String BADLY_FORMED = "badly formed hexadecimal UUID string";

    private PythonUuids() {
    }

    public static UUID parse(Object value) {
        if (value == null) {
            throw new AttributeValueException("one of the hex, bytes, bytes_le, fields, or int arguments must be given");
        }
        if (!(value instanceof String text)) {
            throw new AttributeValueException("'" + pythonTypeName(value) + "' object has no attribute 'replace'");
        }
        String hex = text.replace("urn:", "").replace("uuid:", "");
        hex = stripBraces(hex).replace("-", "");
        if (hex.length() != 32 || !hex.chars().allMatch(PythonUuids::isHexDigit)) {
            throw new AttributeValueException(BADLY_FORMED);
        }
        String lower = hex.toLowerCase(Locale.ROOT);
        return UUID.fromString(lower.substring(0, 8) + "-" + lower.substring(8, 12) + "-" + lower.substring(12, 16)
                + "-" + lower.substring(16, 20) + "-" + lower.substring(20));
    }

    /** Python's type(value).__name__ for the values untyped JSON produces. */
    public static String pythonTypeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            return "float";
        }
        if (value instanceof Number) {
            return "int";
        }
        if (value instanceof java.util.List<?>) {
            return "list";
        }
        if (value instanceof java.util.Map<?, ?>) {
            return "dict";
        }
        return "str";
    }

    private static String stripBraces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '{' || text.charAt(start) == '}')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '{' || text.charAt(end - 1) == '}')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

package org.polenta.core.resource.search;

import java.util.UUID;

/** Orders two non-null values of one field as PostgreSQL does for its column type. */
final class FieldValues {

    private FieldValues() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object actual, Object value) {
        if (actual instanceof UUID || value instanceof UUID) {
            return actual.toString().compareTo(value.toString());
        }
        if (actual instanceof String a && value instanceof String b) {
            return compareCodePoints(a, b);
        }
        if (actual instanceof Number a && value instanceof Number b) {
            return (a instanceof Double || b instanceof Double)
                    ? Double.compare(a.doubleValue(), b.doubleValue())
                    : Long.compare(a.longValue(), b.longValue());
        }
        return ((Comparable) actual).compareTo(value);
    }

    /** Code point order, which is the C collation's (UTF-16 order differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}

package org.polenta.core.resource.search;

import java.util.UUID;
import org.polenta.core.text.PythonStrings;

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
            return PythonStrings.compareCodePoints(a, b);
        }
        if (actual instanceof Number a && value instanceof Number b) {
            return (a instanceof Double || b instanceof Double)
                    ? Double.compare(a.doubleValue(), b.doubleValue())
                    : Long.compare(a.longValue(), b.longValue());
        }
        return ((Comparable) actual).compareTo(value);
    }
}

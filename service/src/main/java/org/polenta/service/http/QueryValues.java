package org.polenta.service.http;

import java.util.Locale;
import java.util.Set;
import org.polenta.service.errors.ApiException;

/** Query-string conventions of Gnocchi (Python's strtobool, so "True", "yes", "1" all work). */
public final class QueryValues {

    private static final Set<String> TRUE = Set.of("y", "yes", "t", "true", "on", "1");
    private static final Set<String> FALSE = Set.of("n", "no", "f", "false", "off", "0");

    private QueryValues() {
    }

    /** @throws ApiException 400 "Unable to parse `name': invalid truth value 'x'" like Gnocchi */
    public static boolean bool(String name, String value, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        throw ApiException.badRequest("Unable to parse `" + name + "': invalid truth value '" + value + "'");
    }
}

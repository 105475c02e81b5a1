package org.polenta.service.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.validation.SchemaViolation;

/**
 * Shape checks of JSON bodies with the failures Gnocchi's voluptuous schemas produce (worded by core's
 * {@link SchemaViolation}). Like voluptuous, the body's keys are checked in their order, then the missing
 * required keys, and the first failure is reported.
 */
public final class Voluptuous {

    /** Checks the value found at {@code path}; throws with {@link #valueFail} or a nested failure. */
    @FunctionalInterface
    public interface Check {
        void check(Object value, List<Object> path);
    }

    private Voluptuous() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> dict(Object value, List<Object> path, Map<String, Check> keys, Set<String> required) {
        if (!(value instanceof Map<?, ?> m)) {
            throw fail("expected a dictionary", path);
        }
        Map<String, Object> map = (Map<String, Object>) m;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Check c = keys.get(e.getKey());
            if (c == null) {
                throw fail("extra keys not allowed", SchemaViolation.append(path, e.getKey()));
            }
            c.check(e.getValue(), SchemaViolation.append(path, e.getKey()));
        }
        for (String key : required) {
            if (!map.containsKey(key)) {
                throw fail("required key not provided", SchemaViolation.append(path, key));
            }
        }
        return map;
    }

    /** voluptuous's six.text_type. */
    public static final Check STRING = (v, path) -> {
        if (!(v instanceof String)) {
            throw valueFail("expected str", path);
        }
    };

    /** A str of at most {@code max} characters (Length(max=...)). */
    public static Check stringOfAtMost(int max) {
        return (v, path) -> {
            STRING.check(v, path);
            String s = (String) v;
            if (s.codePointCount(0, s.length()) > max) {
                throw valueFail("length of value must be at most " + max, path);
            }
        };
    }

    /** A failure of the value under a dictionary key: voluptuous adds " for dictionary value". */
    public static StructuredInvalidInputException valueFail(String message, List<Object> path) {
        boolean underKey = !path.isEmpty() && !(path.get(path.size() - 1) instanceof Integer);
        return (underKey ? SchemaViolation.dictionaryValue(path, message) : SchemaViolation.at(path, message))
                .toException();
    }

    public static StructuredInvalidInputException fail(String message, List<Object> path) {
        return SchemaViolation.at(path, message).toException();
    }
}

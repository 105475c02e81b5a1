package org.polenta.core.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invalid input whose Gnocchi error description is an object rather than a string, e.g. a body that fails
 * schema validation: {@code {"cause": "Invalid input", "reason": "required key not provided @ data['name']",
 * "detail": ["name"]}}, or a bad query argument: {@code {"cause": "Argument value error", "reason": "..."}}.
 * The message is the reason, so code that only knows {@link InvalidInputException} still reports something useful.
 */
public class StructuredInvalidInputException extends InvalidInputException {

    /** Gnocchi's cause for a request body that fails its schema. */
    public static final String INVALID_INPUT = "Invalid input";
    /** Gnocchi's cause for a bad query-string argument. */
    public static final String ARGUMENT_VALUE_ERROR = "Argument value error";

    private final String cause;
    private final String reason;
    private final Object detail;

    /** @param detail a list of path elements, a string, or null when Gnocchi sends no "detail" key */
    public StructuredInvalidInputException(String cause, String reason, Object detail) {
        super(reason);
        this.cause = cause;
        this.reason = reason;
        this.detail = detail instanceof List<?> list ? List.copyOf(list) : detail;
    }

    public String cause() {
        return cause;
    }

    public String reason() {
        return reason;
    }

    /** A list of strings, a string, or null. */
    public Object detail() {
        return detail;
    }

    /** The description object as Gnocchi renders it, keys in Gnocchi's order. */
    public Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("cause", cause);
        description.put("reason", reason);
        if (detail != null) {
            description.put("detail", detail);
        }
        return description;
    }
}

package org.polenta.service.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error as Gnocchi answers it: a status and a description that is either a sentence or a structured
 * {cause, reason, detail} object. Thrown by the web layer; {@link ApiExceptionMapper} renders it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Object description;

    public ApiException(int status, Object description) {
        super(description == null ? "HTTP " + status : String.valueOf(description));
        this.status = status;
        this.description = description;
    }

    public int status() {
        return status;
    }

    /** A String, a Map or null (then the status's standard explanation is used). */
    public Object description() {
        return description;
    }

    public static ApiException badRequest(Object description) {
        return new ApiException(400, description);
    }

    public static ApiException notFound(Object description) {
        return new ApiException(404, description);
    }

    public static ApiException forbidden() {
        return new ApiException(403, null);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, null);
    }

    /** The shape Gnocchi uses for bad query arguments: {"cause": "Argument value error", "detail": name, "reason": ...}. */
    public static ApiException argumentValue(String argument, String reason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cause", "Argument value error");
        d.put("detail", argument);
        d.put("reason", reason);
        return new ApiException(400, d);
    }
}

package org.polenta.core.errors;

/** Base of the domain's checked-by-convention failures; the API maps each subclass onto one HTTP status. */
public class PolentaException extends RuntimeException {
    public PolentaException(String message) {
        super(message);
    }

    public PolentaException(String message, Throwable cause) {
        super(message, cause);
    }
}

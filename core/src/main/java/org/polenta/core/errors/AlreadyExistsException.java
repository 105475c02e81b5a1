package org.polenta.core.errors;

/** Creating something whose name or id is taken, e.g. "Archive policy low already exists" (HTTP 409). */
public class AlreadyExistsException extends PolentaException {
    public AlreadyExistsException(String message) {
        super(message);
    }
}

package org.polenta.core.errors;

/** Deleting something other things still use, e.g. "Archive policy low is still in use" (HTTP 400 in Gnocchi). */
public class InUseException extends PolentaException {
    public InUseException(String message) {
        super(message);
    }
}

package org.polenta.core.errors;

/** Input that fails validation; the message is what the client sees in the 400 description. */
public class InvalidInputException extends PolentaException {
    public InvalidInputException(String message) {
        super(message);
    }
}

package org.polenta.core.validation;

/**
 * Carries a {@link SchemaViolation} out of nested validation code; the parsers turn it into the API's
 * exception at their boundary.
 */
public final class SchemaViolationException extends RuntimeException {

    private final transient SchemaViolation violation;

    public SchemaViolationException(SchemaViolation violation) {
        super(violation.reason(), null, false, false);
        this.violation = violation;
    }

    public SchemaViolation violation() {
        return violation;
    }
}

package org.polenta.core.resource.type;

/**
 * A value that an attribute's schema refuses. The message is the bare validator message, without a path
 * ("expected str", "value must be at most 10"), as Gnocchi puts it both in body errors and in fill errors.
 */
public final class AttributeValueException extends RuntimeException {

    public AttributeValueException(String message) {
        super(message, null, false, false);
    }
}

package org.polenta.core.resource.type;

import org.polenta.core.errors.InvalidInputException;

/** "Resource type X state is updating (expected: active)", Gnocchi's UnexpectedResourceTypeState (a 400). */
public final class UnexpectedResourceTypeStateException extends InvalidInputException {

    public UnexpectedResourceTypeStateException(String typeName, String expected, ResourceTypeState actual) {
        super("Resource type " + typeName + " state is " + actual.wireName() + " (expected: " + expected + ")");
    }
}

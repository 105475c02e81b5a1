package org.polenta.core.resource;

import org.polenta.core.errors.PolentaException;

/** The policy lets the user see no resource at all: Gnocchi's 403 "Insufficient privileges". */
public final class InsufficientPrivilegesException extends PolentaException {

    public InsufficientPrivilegesException() {
        super("Insufficient privileges");
    }
}

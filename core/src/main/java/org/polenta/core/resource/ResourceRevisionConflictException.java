package org.polenta.core.resource;

import java.util.UUID;

import org.polenta.core.errors.PolentaException;

/**
 * Another update of the resource won the race: the version the caller read is no longer current. The caller
 * re-reads and retries, so no update and no revision is lost (Gnocchi serialises with SELECT ... FOR UPDATE).
 */
public final class ResourceRevisionConflictException extends PolentaException {

    public ResourceRevisionConflictException(UUID id, long expectedRevision) {
        super("Resource " + id + " changed since revision " + expectedRevision);
    }
}

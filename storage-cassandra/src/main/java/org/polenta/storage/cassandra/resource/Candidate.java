package org.polenta.storage.cassandra.resource;

import org.polenta.core.resource.Resource;

/**
 * A row of a derived table: a version as it was when the row was written (without metrics). Only the by-id
 * row says whether it is still the current version; {@code verified} says the resource was read from it.
 */
record Candidate(ResourceKey key, Resource resource, boolean verified) {

    /** A version as a derived row holds it. */
    Candidate(ResourceKey key, Resource resource) {
        this(key, resource, false);
    }

    static Candidate of(Resource resource) {
        return new Candidate(ResourceKey.of(resource), resource);
    }

    /** A version read from its by-id row: current when read. */
    static Candidate current(Resource resource) {
        return new Candidate(ResourceKey.of(resource), resource, true);
    }
}

package org.polenta.storage.cassandra.resource;

import org.polenta.core.resource.Resource;

/**
 * A row of a derived table: a version as it was when the row was written (without metrics). Only the by-id
 * row says whether it is still the current version.
 */
record Candidate(ResourceKey key, Resource resource) {

    static Candidate of(Resource resource) {
        return new Candidate(ResourceKey.of(resource), resource);
    }
}

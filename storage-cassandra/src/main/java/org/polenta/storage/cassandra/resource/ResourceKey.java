package org.polenta.storage.cassandra.resource;

import java.util.Comparator;
import org.polenta.core.resource.Resource;

/**
 * Where a version sits in the default listing order (revision_start, started_at, id) - the clustering key of
 * the derived tables. The id is compared as text, as PostgreSQL orders uuids and as Cassandra orders the text
 * column.
 */
record ResourceKey(long revisionStart, long startedAt, String id) implements Comparable<ResourceKey> {

    /** Before every resource. */
    static final ResourceKey MIN = new ResourceKey(Long.MIN_VALUE, Long.MIN_VALUE, "");

    private static final Comparator<ResourceKey> ORDER = Comparator.comparingLong(ResourceKey::revisionStart)
        .thenComparingLong(ResourceKey::startedAt)
        .thenComparing(ResourceKey::id);

    static ResourceKey of(Resource resource) {
        return new ResourceKey(resource.revisionStart(), resource.startedAt(), resource.id().toString());
    }

    /** The first key with this revision_start (ids are never empty). */
    static ResourceKey before(long revisionStart) {
        return new ResourceKey(revisionStart, Long.MIN_VALUE, "");
    }

    static ResourceKey max(ResourceKey a, ResourceKey b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(ResourceKey other) {
        return ORDER.compare(this, other);
    }
}

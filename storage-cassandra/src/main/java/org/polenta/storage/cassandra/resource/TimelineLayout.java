package org.polenta.storage.cassandra.resource;

import java.util.UUID;

/**
 * Partitions of resources_timeline and resources_by_project. Timeline partitions are a 30-day bucket of
 * revision_start times one of 16 shards of the id: a bucket bounds partition size as resources accumulate, and
 * shards spread one bucket over the cluster; a listing reads the shards of a bucket in parallel and merges them.
 */
final class TimelineLayout {

    static final int SHARDS = 16;
    static final long BUCKET_NANOS = 30L * 86_400 * 1_000_000_000L;

    private TimelineLayout() {
    }

    static long bucket(long revisionStart) {
        return Math.floorDiv(revisionStart, BUCKET_NANOS);
    }

    static int shard(UUID id) {
        return Math.floorMod(id.hashCode(), SHARDS);
    }

    /** A partition key may not be empty, and "" is a valid project id. */
    static String projectKey(String projectId) {
        return "p:" + projectId;
    }
}

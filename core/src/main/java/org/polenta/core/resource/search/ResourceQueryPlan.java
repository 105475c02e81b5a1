package org.polenta.core.resource.search;

import java.util.List;

/**
 * How to run a resource search on a storage without OR, LIKE or IN in its indexes: read the union of
 * {@code scans}, drop duplicates (by id, and revision with history), keep the rows of {@code resourceType}
 * (every type for "generic") on which {@code residual} matches. The residual is the whole filter, so a scan only
 * has to yield a superset.
 */
public record ResourceQueryPlan(String resourceType, boolean history, List<IndexScan> scans, BoundFilter residual) {

    public ResourceQueryPlan {
        scans = List.copyOf(scans);
    }

    public boolean isFullScan() {
        return scans.stream().anyMatch(scan -> scan instanceof IndexScan.FullScan);
    }
}

package org.polenta.storage.cassandra.resource;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Scans over disjoint, ascending key ranges (the timeline's buckets) read one after the other: a bucket's
 * shards are only queried once the previous buckets are exhausted.
 */
final class ChainedScan implements CandidateScan {

    private final Iterator<Supplier<CandidateScan>> parts;
    private CandidateScan current;

    ChainedScan(List<Supplier<CandidateScan>> parts) {
        this.parts = parts.iterator();
    }

    @Override
    public Candidate peek() {
        while (true) {
            if (current != null && current.peek() != null) {
                return current.peek();
            }
            if (!parts.hasNext()) {
                return null;
            }
            current = parts.next().get();
        }
    }

    @Override
    public Candidate next() {
        Candidate next = peek();
        return next == null ? null : current.next();
    }
}

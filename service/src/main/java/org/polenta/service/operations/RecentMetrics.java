package org.polenta.service.operations;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.polenta.core.metric.Metric;

/**
 * The metrics recent requests found, by id: an aggregates request by metric ids starts reading the series of
 * metrics it remembers while their rows are read again, instead of one round trip after the other. Nothing here is
 * trusted: the rows read alongside decide (existence, rights, archive policy), and reads started from a stale
 * memory are thrown away. Bounded: when full it starts again empty.
 */
final class RecentMetrics {

    static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<UUID, Metric> seen = new ConcurrentHashMap<>();

    Metric get(UUID id) {
        return seen.get(id);
    }

    void remember(Metric metric) {
        if (seen.size() >= MAX_ENTRIES) {
            seen.clear();
        }
        seen.put(metric.id(), metric);
    }
}

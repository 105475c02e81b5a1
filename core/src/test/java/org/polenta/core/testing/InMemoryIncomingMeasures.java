package org.polenta.core.testing;

import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.PendingMeasures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The backlog in memory: batches kept per metric in arrival order, each with a unique id. Thread-safe. */
public final class InMemoryIncomingMeasures implements IncomingMeasures {

    private final int sacks;
    private final Map<UUID, LinkedHashMap<Long, List<Measure>>> batchesByMetric = new HashMap<>();
    private long nextBatchId;

    public InMemoryIncomingMeasures(int sacks) {
        if (sacks <= 0) {
            throw new IllegalArgumentException("sacks must be positive");
        }
        this.sacks = sacks;
    }

    @Override
    public int sackCount() {
        return sacks;
    }

    @Override
    public synchronized void add(Map<UUID, List<Measure>> measuresByMetric) {
        measuresByMetric.forEach((metric, measures) -> {
            if (!measures.isEmpty()) {
                batchesByMetric.computeIfAbsent(metric, m -> new LinkedHashMap<>())
                        .put(nextBatchId++, List.copyOf(measures));
            }
        });
    }

    @Override
    public synchronized Set<UUID> metricsWithPending(int sack, int limit) {
        Set<UUID> result = new LinkedHashSet<>();
        for (UUID metric : batchesByMetric.keySet()) {
            if (result.size() >= limit) {
                break;
            }
            if (sackOf(metric) == sack) {
                result.add(metric);
            }
        }
        return result;
    }

    @Override
    public synchronized PendingMeasures pending(UUID metricId) {
        LinkedHashMap<Long, List<Measure>> batches = batchesByMetric.getOrDefault(metricId, new LinkedHashMap<>());
        return new PendingMeasures(metricId, new ArrayList<>(batches.keySet()), new ArrayList<>(batches.values()));
    }

    @Override
    public synchronized void remove(PendingMeasures processed) {
        LinkedHashMap<Long, List<Measure>> batches = batchesByMetric.get(processed.metricId());
        if (batches == null) {
            return;
        }
        processed.batchIds().forEach(batches::remove);
        if (batches.isEmpty()) {
            batchesByMetric.remove(processed.metricId());
        }
    }

    @Override
    public synchronized BacklogSummary summary() {
        Map<UUID, Long> perMetric = new HashMap<>();
        long measures = 0;
        for (Map.Entry<UUID, LinkedHashMap<Long, List<Measure>>> e : batchesByMetric.entrySet()) {
            long n = e.getValue().values().stream().mapToLong(List::size).sum();
            perMetric.put(e.getKey(), n);
            measures += n;
        }
        return new BacklogSummary(perMetric.size(), measures, perMetric);
    }
}

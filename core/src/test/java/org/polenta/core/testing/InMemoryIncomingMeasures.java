package org.polenta.core.testing;

import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.PendingMeasures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The backlog in memory: batches kept per metric, each with a unique id: a counter for unkeyed batches, the key
 * for keyed ones; pending batches come back by time (keyed: the key's time, unkeyed: when added). Thread-safe.
 */
public final class InMemoryIncomingMeasures implements IncomingMeasures {

    private final int sacks;
    private final Map<UUID, LinkedHashMap<Object, List<Measure>>> batchesByMetric = new HashMap<>();
    /** When each batch was added or, keyed, the key's time: the order pending() returns them in. */
    private final Map<Object, Long> batchTimes = new HashMap<>();
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
                long id = nextBatchId++;
                // In a key's unit (100 ns since 1582), so that keyed and unkeyed batches interleave by time.
                batchTimes.put(id, System.currentTimeMillis() * 10_000L + 0x01B21DD213814000L);
                batchesByMetric.computeIfAbsent(metric, m -> new LinkedHashMap<>()).put(id, List.copyOf(measures));
            }
        });
    }

    @Override
    public synchronized void addKeyed(Collection<KeyedBatch> batches) {
        for (KeyedBatch batch : batches) {
            if (!batch.measures().isEmpty()) {
                // Keys are per metric in the store, as in Cassandra's (metric, batch) rows.
                List<Object> key = List.of(batch.metricId(), batch.key());
                batchTimes.put(key, batch.key().timestamp());
                batchesByMetric.computeIfAbsent(batch.metricId(), m -> new LinkedHashMap<>()).put(key, batch.measures());
            }
        }
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
        LinkedHashMap<Object, List<Measure>> batches = batchesByMetric.getOrDefault(metricId, new LinkedHashMap<>());
        List<Object> ids = new ArrayList<>(batches.keySet());
        ids.sort(java.util.Comparator.comparing(batchTimes::get));
        return new PendingMeasures(metricId, ids, ids.stream().map(batches::get).toList());
    }

    @Override
    public synchronized void remove(PendingMeasures processed) {
        LinkedHashMap<Object, List<Measure>> batches = batchesByMetric.get(processed.metricId());
        if (batches == null) {
            return;
        }
        for (Object id : processed.batchIds()) {
            batches.remove(id);
            batchTimes.remove(id);
        }
        if (batches.isEmpty()) {
            batchesByMetric.remove(processed.metricId());
        }
    }

    @Override
    public synchronized BacklogSummary summary() {
        Map<UUID, Long> perMetric = new HashMap<>();
        long measures = 0;
        for (Map.Entry<UUID, LinkedHashMap<Object, List<Measure>>> e : batchesByMetric.entrySet()) {
            long n = e.getValue().values().stream().mapToLong(List::size).sum();
            perMetric.put(e.getKey(), n);
            measures += n;
        }
        return new BacklogSummary(perMetric.size(), measures, perMetric);
    }
}

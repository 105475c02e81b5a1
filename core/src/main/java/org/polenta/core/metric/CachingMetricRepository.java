package org.polenta.core.metric;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.polenta.core.caching.RecentReads;

/**
 * Metrics whose lookups by several ids answer from memory for a short while. Every batch of measures names its
 * metrics, and reading their rows again for each request was half of the requests Cassandra served while measures
 * were being ingested (50 reads beside 50 backlog writes for a batch of 50 metrics).
 *
 * <p>Only {@link #get(List)} and {@link #getAsync(List)} answer from memory; {@link #get(UUID)} and {@link #find}
 * always ask the store (and get() refreshes what is remembered). What is written through this repository (create,
 * delete, attach) is seen at once; a change made through another process (another API instance) is seen once the
 * entry is older than the time to live. Until then, measures posted there for a metric deleted elsewhere are
 * accepted and then dropped by processing, as Gnocchi drops measures that race a delete. Only active metrics are
 * remembered, and only ids the store answered: an unknown id is asked again every time.
 */
public final class CachingMetricRepository implements MetricRepository {

    static final int MAX_ENTRIES = 50_000;

    private final MetricRepository store;
    private final RecentReads<UUID, Metric> recent;

    public CachingMetricRepository(MetricRepository store, Duration ttl) {
        this(store, ttl, System::nanoTime);
    }

    public CachingMetricRepository(MetricRepository store, Duration ttl, LongSupplier nanoTime) {
        this.store = store;
        this.recent = new RecentReads<>(ttl, nanoTime, MAX_ENTRIES);
    }

    @Override
    public void create(Metric metric) {
        try {
            store.create(metric);
        } finally {
            forget(metric.id());
        }
    }

    @Override
    public void createWithRandomId(Metric metric) {
        try {
            store.createWithRandomId(metric);
        } finally {
            forget(metric.id());
        }
    }

    @Override
    public Optional<Metric> get(UUID id) {
        RecentReads.ReadStart start = recent.readStarts();
        Optional<Metric> loaded = store.get(id);
        loaded.ifPresent(m -> remember(m, start));
        return loaded;
    }

    @Override
    public List<Metric> get(List<UUID> ids) {
        return getAsync(ids).join();
    }

    /** The remembered metrics at once, the others in one read of the store; in the order of {@code ids}. */
    @Override
    public CompletableFuture<List<Metric>> getAsync(List<UUID> ids) {
        RecentReads.ReadStart start = recent.readStarts();
        Map<UUID, Metric> known = new ConcurrentHashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            Metric m = recent.get(id, start);
            if (m != null) {
                known.put(id, m);
            } else {
                missing.add(id);
            }
        }
        CompletableFuture<List<Metric>> loading = missing.isEmpty()
            ? CompletableFuture.completedFuture(List.of()) : store.getAsync(missing);
        return loading.thenApply(loaded -> {
            loaded.forEach(m -> {
                remember(m, start);
                known.put(m.id(), m);
            });
            List<Metric> found = new ArrayList<>(known.size());
            for (UUID id : ids) {
                Metric m = known.remove(id);
                if (m != null) {
                    found.add(m);
                }
            }
            return found;
        });
    }

    @Override
    public List<Metric> find(Map<String, String> equalities) {
        return store.find(equalities);
    }

    @Override
    public void delete(UUID id) {
        try {
            store.delete(id);
        } finally {
            forget(id);
        }
    }

    @Override
    public void attach(UUID id, UUID resourceId, String name) {
        try {
            store.attach(id, resourceId, name);
        } finally {
            forget(id);
        }
    }

    private void remember(Metric metric, RecentReads.ReadStart start) {
        if (metric.isActive()) {
            recent.remember(metric.id(), metric, start);
        }
    }

    private void forget(UUID id) {
        recent.forget(id);
    }
}

package org.polenta.core.testing;

import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Aggregates in memory. A bucket written with a TTL disappears once the clock passes its expiry, like a
 * Cassandra cell; every write is also logged so tests can see what was (re)written and with which TTL.
 * Thread-safe.
 */
public final class InMemoryAggregateStore implements AggregateStore {

    /** One call of {@link #write}, as it was made. */
    public record Write(UUID metricId, Aggregation aggregation, Points buckets, int ttlSeconds) {
    }

    private record Cell(double value, long expiresAtNanos) {
    }

    private final Map<UUID, Map<Aggregation, TreeMap<Long, Cell>>> series = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private final LongSupplier clockNanos;

    /** A store whose TTLs run on the wall clock. */
    public InMemoryAggregateStore() {
        this(() -> System.currentTimeMillis() * 1_000_000L);
    }

    /** A store whose TTLs run on {@code clockNanos} (epoch nanoseconds), so tests can move time. */
    public InMemoryAggregateStore(LongSupplier clockNanos) {
        this.clockNanos = clockNanos;
    }

    @Override
    public synchronized Points read(UUID metricId, Aggregation aggregation, long from, long to) {
        TreeMap<Long, Cell> cells = series.getOrDefault(metricId, Map.of()).get(aggregation);
        if (cells == null || from >= to) {
            return Points.EMPTY;
        }
        long now = clockNanos.getAsLong();
        TreeMap<Long, Double> live = new TreeMap<>();
        cells.subMap(from, true, to, false).forEach((ts, cell) -> {
            if (cell.expiresAtNanos() > now) {
                live.put(ts, cell.value());
            }
        });
        return InMemoryRawPointStore.toPoints(live);
    }

    @Override
    public synchronized void write(UUID metricId, Aggregation aggregation, Points buckets, int ttlSeconds) {
        if (ttlSeconds < 0) {
            throw new IllegalArgumentException("negative TTL");
        }
        writes.add(new Write(metricId, aggregation, buckets, ttlSeconds));
        long expiresAt = ttlSeconds == 0 ? Long.MAX_VALUE : clockNanos.getAsLong() + ttlSeconds * 1_000_000_000L;
        TreeMap<Long, Cell> cells = series.computeIfAbsent(metricId, m -> new HashMap<>())
                .computeIfAbsent(aggregation, a -> new TreeMap<>());
        for (int i = 0; i < buckets.size(); i++) {
            cells.put(buckets.timestamp(i), new Cell(buckets.value(i), expiresAt));
        }
    }

    /** Every write so far, oldest first. */
    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    public synchronized void clearWriteLog() {
        writes.clear();
    }
}

package org.polenta.core.testing;

import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.RawPointStore;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/** Raw points in memory, kept forever (no retention). Thread-safe. */
public final class InMemoryRawPointStore implements RawPointStore {

    private final Map<UUID, TreeMap<Long, Double>> pointsByMetric = new HashMap<>();

    @Override
    public synchronized Points read(UUID metricId, long from, long to) {
        TreeMap<Long, Double> points = pointsByMetric.get(metricId);
        if (points == null || from >= to) {
            return Points.EMPTY;
        }
        return toPoints(points.subMap(from, true, to, false));
    }

    @Override
    public synchronized Points lastBefore(UUID metricId, long ts) {
        TreeMap<Long, Double> points = pointsByMetric.get(metricId);
        Map.Entry<Long, Double> before = points == null ? null : points.lowerEntry(ts);
        if (before == null) {
            return Points.EMPTY;
        }
        return new Points(new long[] {before.getKey()}, new double[] {before.getValue()});
    }

    @Override
    public synchronized void write(UUID metricId, Points points) {
        TreeMap<Long, Double> stored = pointsByMetric.computeIfAbsent(metricId, m -> new TreeMap<>());
        for (int i = 0; i < points.size(); i++) {
            stored.put(points.timestamp(i), points.value(i));
        }
    }

    @Override
    public synchronized OptionalLong newestTimestamp(UUID metricId) {
        TreeMap<Long, Double> points = pointsByMetric.get(metricId);
        return points == null || points.isEmpty() ? OptionalLong.empty() : OptionalLong.of(points.lastKey());
    }

    static Points toPoints(NavigableMap<Long, Double> sorted) {
        long[] ts = new long[sorted.size()];
        double[] values = new double[sorted.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : sorted.entrySet()) {
            ts[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new Points(ts, values);
    }
}

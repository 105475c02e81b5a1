package org.polenta.core.processor;

import org.polenta.core.aggregates.Points;
import org.polenta.core.incoming.Measure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the pending POST batches of a metric into one sorted series. Within one batch the smallest value of a
 * duplicated timestamp wins (Gnocchi sorts by timestamp then value and keeps the first); a later batch replaces
 * what an earlier one said for the same timestamp (as a later processing run does in Gnocchi).
 */
final class MeasureMerger {

    private MeasureMerger() {
    }

    static Points merge(List<List<Measure>> batches) {
        TreeMap<Long, Double> merged = new TreeMap<>();
        for (List<Measure> batch : batches) {
            Map<Long, Double> smallest = new TreeMap<>();
            for (Measure m : batch) {
                smallest.merge(m.timestampNanos(), m.value(), (a, b) -> Double.compare(a, b) <= 0 ? a : b);
            }
            merged.putAll(smallest);
        }
        return toPoints(merged);
    }

    static Points toPoints(TreeMap<Long, Double> sorted) {
        long[] ts = new long[sorted.size()];
        double[] values = new double[sorted.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : sorted.entrySet()) {
            ts[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
        return new Points(ts, values);
    }
}

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
        Points inOrder = concatenateIfInOrder(batches);
        return inOrder != null ? inOrder : mergeSorting(batches);
    }

    /**
     * The usual case, without sorting: every batch in timestamp order, each after the one before it. Then there is
     * no duplicate to resolve and the merge is the concatenation. Null when the batches are not like that.
     */
    private static Points concatenateIfInOrder(List<List<Measure>> batches) {
        int total = 0;
        for (List<Measure> batch : batches) {
            total += batch.size();
        }
        long[] ts = new long[total];
        double[] values = new double[total];
        int n = 0;
        for (List<Measure> batch : batches) {
            for (Measure m : batch) {
                if (n > 0 && m.timestampNanos() <= ts[n - 1]) {
                    return null;
                }
                ts[n] = m.timestampNanos();
                values[n++] = m.value();
            }
        }
        return new Points(ts, values);
    }

    private static Points mergeSorting(List<List<Measure>> batches) {
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

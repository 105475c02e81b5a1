package org.polenta.listener.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.polenta.core.incoming.BatchKeys;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.core.incoming.Measure;

/**
 * The points of one storage round, one backlog batch per metric instead of one per sample. A round of 100
 * notifier messages carries 5,000 samples over a few hundred metrics: a row per sample was 5,000 backlog rows
 * to write, to read back and to delete (each delete a tombstone that sack scans wade through), a batch per
 * metric is a few hundred.
 *
 * <p>A batch's key is derived from its samples' message_ids, so a round redelivered whole rewrites the same
 * rows. A redelivery grouped differently writes the same points under other keys; processing them again lays
 * the same values over the same timestamps (a later batch replaces a timestamp's value, and within a batch the
 * copies of a sample are equal), so no aggregate changes either way.
 */
final class MetricBatches {

    private final Map<UUID, List<Point>> byMetric = new LinkedHashMap<>();
    private int points;

    private record Point(long timestampNanos, double value, String messageId) {
    }

    void add(UUID metricId, long timestampNanos, double value, String messageId) {
        byMetric.computeIfAbsent(metricId, id -> new ArrayList<>()).add(new Point(timestampNanos, value, messageId));
        points++;
    }

    /** How many points were added: the samples stored. */
    int points() {
        return points;
    }

    /** One batch per metric, its measures in time order, keyed by its earliest time and its message ids. */
    List<KeyedBatch> batches() {
        List<KeyedBatch> batches = new ArrayList<>(byMetric.size());
        for (Map.Entry<UUID, List<Point>> e : byMetric.entrySet()) {
            List<Point> metricPoints = new ArrayList<>(e.getValue());
            metricPoints.sort(Comparator.comparingLong(Point::timestampNanos).thenComparing(Point::messageId));
            List<Measure> measures = new ArrayList<>(metricPoints.size());
            List<String> messageIds = new ArrayList<>(metricPoints.size());
            for (Point p : metricPoints) {
                measures.add(new Measure(p.timestampNanos(), p.value()));
                messageIds.add(p.messageId());
            }
            messageIds.sort(null);
            UUID key = BatchKeys.of(metricPoints.get(0).timestampNanos(), String.join(",", messageIds));
            batches.add(new KeyedBatch(e.getKey(), key, measures));
        }
        return batches;
    }
}

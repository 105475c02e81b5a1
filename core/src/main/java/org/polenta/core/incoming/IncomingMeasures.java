package org.polenta.core.incoming;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The backlog: measures accepted by the API (or the bus) and not yet aggregated. Metrics are spread over
 * {@link #sackCount()} sacks so that several processors can share the work, a sack at a time.
 */
public interface IncomingMeasures {

    int sackCount();

    /** The sack a metric's measures go to; stable for the life of the deployment. */
    default int sackOf(UUID metricId) {
        return (int) Math.floorMod(metricId.getLeastSignificantBits(), (long) sackCount());
    }

    /** Stores the measures durably (at the configured write consistency) before returning: one batch per metric. */
    void add(Map<UUID, List<Measure>> measuresByMetric);

    /**
     * Stores each batch under its own key, durably before returning. A batch whose key is still pending for its
     * metric is overwritten, so writing the same batches twice leaves one copy; once processed, a batch written
     * again is processed again, which rewrites the same raw points. Pending batches come back in key time order,
     * among the unkeyed ones by their arrival time.
     */
    void addKeyed(Collection<KeyedBatch> batches);

    /** Metrics of the sack that have pending measures, at most {@code limit}. */
    Set<UUID> metricsWithPending(int sack, int limit);

    /** Everything pending for the metric now. */
    PendingMeasures pending(UUID metricId);

    /** Forgets exactly the batches of {@code processed}; batches that arrived meanwhile stay. */
    void remove(PendingMeasures processed);

    /**
     * Per sack, a time (epoch milliseconds) until which measures written so far may still land in it: a reader
     * that found a sack empty and sees no later announcement may skip it ({@link QuietSacks}). Long.MAX_VALUE
     * means unknown: look. A store that keeps no announcements says unknown for every sack.
     */
    default long[] activeUntil() {
        long[] unknown = new long[sackCount()];
        Arrays.fill(unknown, Long.MAX_VALUE);
        return unknown;
    }

    /** Backlog totals for /v1/status. */
    BacklogSummary summary();

    /** metrics: how many metrics have pending measures; measures: how many measures in all; perMetric: count by metric. */
    record BacklogSummary(long metrics, long measures, Map<UUID, Long> perMetric) {
    }
}

package org.polenta.core.aggregates;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Where a processing run's output goes: the aggregates it recomputed, then the raw points it adds. The raw points
 * move the metric's newest timestamp, so they must not be durable before the aggregates are: a run that fails
 * between the two is redone whole from its still-pending measures. A store that can make both durable at once
 * (one Cassandra mutation of the metric's key) does so; the others write them one after the other.
 */
public interface RunOutputStore {

    /**
     * @param newestBefore the metric's newest timestamp before this run, as {@link AggregateStore#writeAll(UUID,
     *                     List, OptionalLong)} takes it
     */
    void store(UUID metricId, List<AggregateStore.SeriesWrite> aggregates, OptionalLong newestBefore, Points rawPoints);

    /** The aggregates, then the raw points, as two writes. */
    static RunOutputStore sequential(AggregateStore aggregates, RawPointStore rawPoints) {
        return (metricId, writes, newestBefore, points) -> {
            aggregates.writeAll(metricId, writes, newestBefore);
            rawPoints.write(metricId, points);
        };
    }
}

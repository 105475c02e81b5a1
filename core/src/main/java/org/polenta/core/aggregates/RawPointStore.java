package org.polenta.core.aggregates;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * Where a metric's raw points are kept after processing, for a configured retention, so that any bucket that
 * receives a late point can be recomputed from all of its raw points (and a metric re-aggregated later).
 */
public interface RawPointStore {

    /** Raw points with from <= timestamp < to (Long.MIN_VALUE / Long.MAX_VALUE for unbounded). */
    Points read(UUID metricId, long from, long to);

    /** The newest raw point strictly before {@code ts}, as a Points of size 0 or 1 (rate methods need it). */
    Points lastBefore(UUID metricId, long ts);

    /** Inserts these points, replacing any stored point with the same timestamp. */
    void write(UUID metricId, Points points);

    /** The newest timestamp ever processed for the metric: the reference point of back_window. */
    OptionalLong newestTimestamp(UUID metricId);
}

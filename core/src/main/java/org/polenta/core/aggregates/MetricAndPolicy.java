package org.polenta.core.aggregates;

import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.metric.Metric;

/** A metric with its archive policy, as the aggregation endpoints need both. */
public record MetricAndPolicy(Metric metric, ArchivePolicy policy) {
}

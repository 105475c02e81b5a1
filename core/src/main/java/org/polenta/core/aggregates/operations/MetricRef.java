package org.polenta.core.aggregates.operations;

import java.util.List;

/**
 * One metric an operations tree names with its aggregation: a metric id (by-id mode), or a metric name that may be
 * an fnmatch wildcard (by-resource mode). Equality is textual, as Gnocchi matches the operations' references.
 */
public record MetricRef(String metric, String aggregation) {

    /** The [metric, aggregation] pair as Gnocchi lists references in its answers. */
    public List<String> asList() {
        return List.of(metric, aggregation);
    }
}

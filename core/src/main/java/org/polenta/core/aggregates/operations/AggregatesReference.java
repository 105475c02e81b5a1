package org.polenta.core.aggregates.operations;

import java.util.List;
import org.polenta.core.aggregates.MetricAndPolicy;

/**
 * One series an aggregates request reads (processor.MetricReference): a metric with its policy, the aggregation to
 * read, and the {@link MetricRef} of the operations it answers to. By ids, {@code resourceId} is null and the series
 * is named by the metric id; by resources, it is named by the metric's name under its resource, and answers to the
 * (possibly wildcard) name the operations used.
 */
public record AggregatesReference(MetricAndPolicy target, MetricRef answersTo, String resourceId) {

    /** By metric id. */
    public static AggregatesReference byId(MetricAndPolicy target, MetricRef answersTo) {
        return new AggregatesReference(target, answersTo, null);
    }

    public String aggregation() {
        return answersTo.aggregation();
    }

    /** The metric id by ids, the metric's name by resources. */
    public String name() {
        return resourceId == null ? target.metric().id().toString() : target.metric().name();
    }

    /** How Gnocchi names the series in failures: [name or wildcard, aggregation]. */
    public List<String> lookupKey() {
        return List.of(resourceId == null ? name() : answersTo.metric(), aggregation());
    }
}

package org.polenta.core.aggregates.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.polenta.core.aggregates.AggregatedPoint;

/**
 * The "measures" of an aggregates answer, in Gnocchi's three shapes: {"aggregated": points} once the operations
 * combined series; otherwise {metric id: {aggregation: points}} by ids, or {resource id: {metric name:
 * {aggregation: points}}} by resources. Points run coarsest granularity first, then in time order.
 */
public sealed interface AggregatesResult {

    /** The shape as plain maps, each list of points rendered by {@code rows}. */
    Map<String, Object> render(Function<List<AggregatedPoint>, Object> rows);

    record Aggregated(List<AggregatedPoint> points) implements AggregatesResult {
        @Override
        public Map<String, Object> render(Function<List<AggregatedPoint>, Object> rows) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("aggregated", rows.apply(points));
            return out;
        }
    }

    record ByMetric(Map<String, Map<String, List<AggregatedPoint>>> series) implements AggregatesResult {
        @Override
        public Map<String, Object> render(Function<List<AggregatedPoint>, Object> rows) {
            Map<String, Object> out = new LinkedHashMap<>();
            series.forEach((metric, byAggregation) -> out.put(metric, renderLevel(byAggregation, rows)));
            return out;
        }
    }

    record ByResource(Map<String, Map<String, Map<String, List<AggregatedPoint>>>> series)
            implements AggregatesResult {
        @Override
        public Map<String, Object> render(Function<List<AggregatedPoint>, Object> rows) {
            Map<String, Object> out = new LinkedHashMap<>();
            series.forEach((resource, byMetric) -> {
                Map<String, Object> metrics = new LinkedHashMap<>();
                byMetric.forEach((metric, byAggregation) -> metrics.put(metric, renderLevel(byAggregation, rows)));
                out.put(resource, metrics);
            });
            return out;
        }
    }

    private static Map<String, Object> renderLevel(Map<String, List<AggregatedPoint>> byAggregation,
                                                   Function<List<AggregatedPoint>, Object> rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        byAggregation.forEach((aggregation, points) -> out.put(aggregation, rows.apply(points)));
        return out;
    }
}

package org.polenta.core.aggregates.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polenta.core.aggregates.DescribedFailure;
import org.polenta.core.errors.NoSuchEntityException;

/**
 * A reference asks for an aggregation its metric's archive policy does not compute: Gnocchi's 404
 * {"cause": "Metrics with unknown aggregation", "detail": [[metric id, aggregation]]}.
 */
public class MetricsWithUnknownAggregationException extends NoSuchEntityException implements DescribedFailure {

    public static final String CAUSE = "Metrics with unknown aggregation";

    private final String metricId;
    private final String aggregation;

    public MetricsWithUnknownAggregationException(String metricId, String aggregation) {
        super(CAUSE);
        this.metricId = metricId;
        this.aggregation = aggregation;
    }

    @Override
    public Object description() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cause", CAUSE);
        body.put("detail", List.of(List.of(metricId, aggregation)));
        return body;
    }
}

package org.polenta.core.aggregates;

import org.polenta.core.errors.NoSuchEntityException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Reading a method the metric's archive policy does not aggregate (404 with a structured description). */
public class AggregationMethodNotInPolicyException extends NoSuchEntityException implements DescribedFailure {

    private final UUID metricId;
    private final String method;

    public AggregationMethodNotInPolicyException(UUID metricId, String method) {
        super("Aggregation method does not exist for this metric");
        this.metricId = metricId;
        this.method = method;
    }

    @Override
    public Object description() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("metric", metricId.toString());
        detail.put("aggregation_method", method);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cause", getMessage());
        body.put("detail", detail);
        return body;
    }
}

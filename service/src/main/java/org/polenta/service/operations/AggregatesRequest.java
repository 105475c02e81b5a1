package org.polenta.service.operations;

import java.util.List;
import org.polenta.core.aggregates.operations.AggregatesQuery;
import org.polenta.core.aggregates.operations.MetricRef;
import org.polenta.core.aggregates.operations.Operation;

/**
 * A POST /v1/aggregates request once its query and body passed Gnocchi's checks: the operations tree, the
 * references it names (each once, in order), the query, and whether the answer lists the references ("details").
 */
public record AggregatesRequest(Operation operations, List<MetricRef> references, AggregatesQuery query,
                                boolean details, boolean refresh) {
}

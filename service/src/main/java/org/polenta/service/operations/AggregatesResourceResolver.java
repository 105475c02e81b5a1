package org.polenta.service.operations;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.polenta.core.metric.Metric;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;

/**
 * The seam between POST /v1/aggregates by resources ("resource_type" plus "search") and the resource index:
 * resolves a search to resources and their metrics. Everything after that (name matching, groupby, reading and
 * evaluating) is {@link AggregatesComputation}'s.
 */
public interface AggregatesResourceResolver {

    /** A found resource: its id, its JSON as Gnocchi shows it (attributes for groupby and "references"), its metrics. */
    record ResolvedResource(String id, Map<String, Object> json, List<Metric> metrics) {
    }

    /**
     * The resources of {@code resourceType} the search selects, with the caller's RBAC filter of "search resource"
     * applied as Gnocchi applies it (an "and" with the policy filter), in the order of {@code sorts}
     * (e.g. ["project_id", "user_id"], or Gnocchi's default ["revision_start:asc", "started_at:asc"]).
     *
     * @param search      the body's "search": a JSON filter, a filter string, or null
     * @param metricNames the metric names the request may use: only those metrics are loaded
     * @throws ApiException 400 for an unknown resource type or a bad search, in Gnocchi's words
     */
    List<ResolvedResource> resolve(Caller caller, String resourceType, Object search, List<String> sorts,
                                   Predicate<String> metricNames);
}

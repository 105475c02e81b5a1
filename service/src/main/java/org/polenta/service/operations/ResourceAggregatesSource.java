package org.polenta.service.operations;

import java.util.List;
import java.util.Map;
import org.polenta.service.auth.Caller;

/**
 * The seam between POST /v1/aggregates and the resource index: answers an aggregates request by resources
 * (a "resource_type" plus "search" body, optional groupby). The resource index provides it; until then
 * {@link #UNAVAILABLE} refuses such requests plainly.
 */
public interface ResourceAggregatesSource {

    /**
     * The "measures" answer (or, with groupby, the list of {"group", "measures"}) of an aggregates request by
     * resources: the search with the caller's RBAC filter, metrics matched by (fnmatch) name, groups in groupby
     * order, each evaluated with {@link org.polenta.core.aggregates.operations.AggregatesProcessor}.
     *
     * @param request the parsed request; its references name metrics by name or wildcard
     */
    Object aggregate(Caller caller, AggregatesRequest request, String resourceType, Object search,
                     List<String> groupby);

    ResourceAggregatesSource UNAVAILABLE = (caller, request, type, search, groupby) -> {
        throw new org.polenta.service.errors.ApiException(501, Map.of(
                "cause", "Not implemented",
                "reason", "Aggregates by resources need the resource index, which this server does not have yet"));
    };
}

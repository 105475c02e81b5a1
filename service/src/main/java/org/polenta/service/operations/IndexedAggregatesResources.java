package org.polenta.service.operations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.search.FilterStringParser;
import org.polenta.core.resource.search.ResourceFilter;
import org.polenta.core.resource.search.ResourceFilterSchema;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;

/**
 * POST /v1/aggregates' resources from the resource index: the "search" (a JSON filter or a filter string) run as
 * POST /v1/search/resource runs it, then only the metrics whose names the operations can use, read in one batch.
 */
public final class IndexedAggregatesResources implements AggregatesResourceResolver {

    private final ResourceQueries queries;
    private final ResourceTypeOperations types;
    private final MetricRepository metrics;

    public IndexedAggregatesResources(ResourceQueries queries, ResourceTypeOperations types,
                                      MetricRepository metrics) {
        this.queries = queries;
        this.types = types;
        this.metrics = metrics;
    }

    @Override
    public List<ResolvedResource> resolve(Caller caller, String resourceType, Object search, List<String> sorts,
                                          Predicate<String> metricNames) {
        ResourceType type;
        try {
            type = types.require(resourceType);
        } catch (NoSuchEntityException e) {
            // Gnocchi's ResourceTypeSchema: a 400 with NoSuchResourceType's JSON form.
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("cause", "Resource type does not exist");
            description.put("detail", resourceType);
            throw ApiException.badRequest(description);
        }
        List<Resource> found = queries.searchAll(caller, type, filter(caller, search), sorts);
        Map<UUID, Metric> loaded = load(found, metricNames);
        List<ResolvedResource> resolved = new ArrayList<>(found.size());
        for (Resource r : found) {
            List<Metric> used = new ArrayList<>();
            r.metrics().forEach((name, id) -> {
                Metric m = loaded.get(id);
                if (m != null && metricNames.test(name)) {
                    used.add(m);
                }
            });
            resolved.add(new ResolvedResource(r.id().toString(), ResourceViews.json(r, type.name()), used));
        }
        return resolved;
    }

    /** Gnocchi's FetchSchema takes either a ResourceSearchSchema dictionary or a filter string. */
    private static ResourceFilter filter(Caller caller, Object search) {
        if (search instanceof String text) {
            return FilterStringParser.parse(text, caller.creator());
        }
        return ResourceFilterSchema.parse(search, caller.creator());
    }

    private Map<UUID, Metric> load(List<Resource> found, Predicate<String> metricNames) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Resource r : found) {
            r.metrics().forEach((name, id) -> {
                if (metricNames.test(name)) {
                    ids.add(id);
                }
            });
        }
        Map<UUID, Metric> loaded = new HashMap<>();
        if (!ids.isEmpty()) {
            metrics.get(List.copyOf(ids)).forEach(m -> loaded.put(m.id(), m));
        }
        return loaded;
    }
}

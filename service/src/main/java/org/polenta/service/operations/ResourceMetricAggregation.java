package org.polenta.service.operations;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.polenta.core.aggregates.operations.AttributeGroups;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.search.FilterStringParser;
import org.polenta.core.resource.search.ResourceFilter;
import org.polenta.core.resource.search.ResourceFilterSchema;
import org.polenta.core.resource.search.ResourceSorting;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.service.api.MeasureRows;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;

/**
 * POST /v1/aggregation/resource/{type}/metric/{name} (Gnocchi's AggregationResourceController): the metric of that
 * name of every resource a search finds, aggregated together as /v1/aggregation/metric does, or per group of
 * resources with equal "groupby" attributes.
 */
public final class ResourceMetricAggregation {

    private final ResourceTypeOperations types;
    private final ResourceQueries queries;
    private final MetricRepository metrics;
    private final CrossMetricAggregation aggregation;

    public ResourceMetricAggregation(ResourceTypeOperations types, ResourceQueries queries, MetricRepository metrics,
                                     CrossMetricAggregation aggregation) {
        this.types = types;
        this.queries = queries;
        this.metrics = metrics;
        this.aggregation = aggregation;
    }

    /** Gnocchi looks the type up while routing, before anything else: 404 "Resource type X does not exist". */
    public ResourceType requireType(String typeName) {
        return types.require(typeName);
    }

    /**
     * @param body the parsed JSON search body, or null when the request had none (then ?filter= is the search)
     * @return the rows, or with groupby a list of {"group": {...}, "measures": rows}
     */
    public Object aggregate(Caller caller, String typeName, String metricName, Object body,
                            MultivaluedMap<String, String> q) {
        ResourceType type = requireType(typeName);
        List<String> groupby = q.get("groupby") == null ? List.of() : List.copyOf(new TreeSet<>(q.get("groupby")));
        Set<String> sortable = ResourceSorting.sortable(type, false);
        if (!sortable.containsAll(groupby)) {
            throw ApiException.badRequest("Invalid groupby attribute");
        }
        List<Resource> found = queries.searchAll(caller, type, filter(caller, body, q.getFirst("filter")), groupby);
        Map<UUID, Metric> named = namedMetrics(found, metricName);
        if (groupby.isEmpty()) {
            return MeasureRows.of(aggregation.aggregate(caller, metricsOf(found, metricName, named), q));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (AttributeGroups.Group<Resource> group
                : AttributeGroups.of(found, r -> ResourceViews.json(r, type.name()), groupby)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group", group.key());
            entry.put("measures", MeasureRows.of(
                    aggregation.aggregate(caller, metricsOf(group.members(), metricName, named), q)));
            results.add(entry);
        }
        return results;
    }

    private static ResourceFilter filter(Caller caller, Object body, String filterText) {
        if (body != null) {
            return ResourceFilterSchema.parse(body, caller.creator());
        }
        if (filterText != null && !filterText.isEmpty()) {
            return FilterStringParser.parse(filterText, caller.creator());
        }
        return null;
    }

    /** The resources' metrics of that name, read in one batch. */
    private Map<UUID, Metric> namedMetrics(List<Resource> found, String metricName) {
        Set<UUID> ids = new LinkedHashSet<>();
        found.forEach(r -> {
            UUID id = r.metrics().get(metricName);
            if (id != null) {
                ids.add(id);
            }
        });
        Map<UUID, Metric> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            metrics.get(List.copyOf(ids)).forEach(m -> byId.put(m.id(), m));
        }
        return byId;
    }

    /** As Gnocchi's r.get_metric(name) over the resources, leaving out those without one. */
    private static List<Metric> metricsOf(List<Resource> resources, String metricName, Map<UUID, Metric> named) {
        List<Metric> out = new ArrayList<>();
        for (Resource r : resources) {
            Metric m = named.get(r.metrics().get(metricName));
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }
}

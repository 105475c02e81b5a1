package org.polenta.service.operations;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polenta.core.paging.Pagination;
import org.polenta.core.paging.SortKey;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.search.BoundFilter;
import org.polenta.core.resource.search.ComparisonOperator;
import org.polenta.core.resource.search.FilterStringParser;
import org.polenta.core.resource.search.ResourceFilter;
import org.polenta.core.resource.search.ResourceFilterBinder;
import org.polenta.core.resource.search.ResourceFilterSchema;
import org.polenta.core.resource.search.ResourcePolicyFilter;
import org.polenta.core.resource.search.ResourceQueryPlan;
import org.polenta.core.resource.search.ResourceQueryPlanner;
import org.polenta.core.resource.search.ResourceSorting;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;
import org.polenta.service.http.QueryValues;

/**
 * Listings and searches of resources (GET /v1/resource/{type}, POST /v1/search/resource/{type}, history, batch
 * delete) with Gnocchi's options: details, history, attrs, sort/limit/marker, the caller's policy filter, and
 * the rel="next" link.
 */
public final class ResourceQueries {

    /** Gnocchi's message, with the run of spaces its line continuation leaves in it. */
    static final String EMPTY_DELETE = "caution: the query can not be empty, or it will "
            + "                  delete entire database";

    private static final String CURRENT_SUFFIX = "@-1";

    private final ResourceRepository resources;
    private final ResourceTypeOperations types;
    private final ResourcePolicy policy;
    private final int maxLimit;

    public ResourceQueries(ResourceRepository resources, ResourceTypeOperations types, ResourcePolicy policy,
                           int maxLimit) {
        this.resources = resources;
        this.types = types;
        this.policy = policy;
        this.maxLimit = maxLimit;
    }

    /** GET /v1/resource/{type}. */
    public ListingPage<Map<String, Object>> list(Caller caller, String typeName, MultivaluedMap<String, String> query,
                                                 String pathUrl) {
        ResourceType type = types.require(typeName);
        ResourceFilter restriction = policy.filter(caller, "list resource", typeName);
        return run(type, restriction == null ? new ResourceFilter.Empty() : restriction, query, pathUrl);
    }

    /**
     * POST /v1/search/resource/{type}.
     *
     * @param body the parsed JSON body, or null when the request had none
     */
    public ListingPage<Map<String, Object>> search(Caller caller, String typeName, MultivaluedMap<String, String> query,
                                                   Object body, String pathUrl) {
        ResourceType type = types.require(typeName);
        ResourceFilter filter = clientFilter(caller, query, body);
        ResourceFilter restriction = policy.filter(caller, "search resource", typeName);
        ResourceFilter combined = ResourcePolicyFilter.restrict(restriction, filter == null ? new ResourceFilter.Empty() : filter);
        return run(type, combined == null ? new ResourceFilter.Empty() : combined, query, pathUrl);
    }

    /**
     * Every resource of {@code type} that {@code filter} selects, with the caller's "search resource" policy filter
     * applied as POST /v1/search/resource applies it, sorted by {@code sorts}: the resources behind the aggregates
     * and aggregation APIs, which Gnocchi reads unpaged.
     *
     * @param filter the client's filter, or null for every resource
     * @throws org.polenta.core.errors.InvalidInputException "Invalid pagination: `Sort key supplied is invalid: x'"
     */
    public List<Resource> searchAll(Caller caller, ResourceType type, ResourceFilter filter, List<String> sorts) {
        List<SortKey> sort = ResourceSorting.keys(sorts, false);
        // Checks names and directions only (an empty list has nothing to sort).
        Pagination.pageAfter(List.of(), sort, ResourceSorting.sortable(type, false), (r, f) -> null, null, 1);
        ResourceFilter restriction = policy.filter(caller, "search resource", type.name());
        ResourceFilter combined = ResourcePolicyFilter.restrict(restriction,
                filter == null ? new ResourceFilter.Empty() : filter);
        BoundFilter bound = ResourceFilterBinder.bind(combined == null ? new ResourceFilter.Empty() : combined,
                type, false);
        return resources.search(ResourceQueryPlanner.plan(bound, type.name(), false), sort, Integer.MAX_VALUE, null);
    }

    /** GET /v1/resource/{type}/{id}/history: every version of one resource. */
    public ListingPage<Map<String, Object>> history(Resource resource, String typeName,
                                                    MultivaluedMap<String, String> query, String pathUrl) {
        ResourceType type = types.require(typeName);
        ResourceFilter byId = new ResourceFilter.Comparison(ComparisonOperator.EQ, "id", resource.id());
        boolean details = QueryValues.bool("details", query.getFirst("details"), false);
        PageRequest page = PageRequest.from(query, maxLimit, ResourceSorting.DEFAULT_SORT);
        return page(type, byId, true, details, page, List.of(), query, pathUrl);
    }

    /** DELETE /v1/resource/{type} with a filter: every match is deleted; the count of them. */
    public List<Resource> matchingForDeletion(Caller caller, String typeName, MultivaluedMap<String, String> query,
                                              Object body) {
        ResourceType type = types.require(typeName);
        ResourceFilter filter = clientFilter(caller, query, body);
        if (filter == null || filter instanceof ResourceFilter.Empty) {
            throw ApiException.badRequest(EMPTY_DELETE);
        }
        ResourceFilter restriction = policy.filter(caller, "delete resources", typeName);
        BoundFilter bound = ResourceFilterBinder.bind(ResourcePolicyFilter.restrict(restriction, filter), type, false);
        ResourceQueryPlan plan = ResourceQueryPlanner.plan(bound, typeName, false);
        return resources.search(plan, ResourceSorting.keys(List.of(), false), Integer.MAX_VALUE, null);
    }

    /**
     * Every current resource of a type that the caller may search and that matches the filter, in one list: for
     * reports that read them all (usage), where a page would silently cut the total.
     *
     * @return empty when the type does not exist
     */
    public List<Resource> allSearchable(Caller caller, String typeName, ResourceFilter filter) {
        ResourceType type = types.find(typeName).orElse(null);
        if (type == null) {
            return List.of();
        }
        ResourceFilter restriction = policy.filter(caller, "search resource", typeName);
        BoundFilter bound = ResourceFilterBinder.bind(ResourcePolicyFilter.restrict(restriction, filter), type, false);
        ResourceQueryPlan plan = ResourceQueryPlanner.plan(bound, typeName, false);
        return resources.search(plan, ResourceSorting.keys(List.of(), false), Integer.MAX_VALUE, null);
    }

    /** Gnocchi's current versions have revision -1, so that is how their history marker reads. */
    private static String marker(Resource last, boolean history) {
        return history && last.isCurrent() ? last.id() + CURRENT_SUFFIX : ResourceSorting.marker(last, history);
    }

    /** A history marker of a current version ("id@-1") as the storage numbers it. */
    private String storedMarker(String marker, boolean history) {
        if (marker == null || !history || !marker.endsWith(CURRENT_SUFFIX)) {
            return marker;
        }
        String idText = marker.substring(0, marker.length() - CURRENT_SUFFIX.length());
        java.util.UUID id = MetricLookup.parseUuid(idText);
        if (id == null || !id.toString().equals(idText)) {
            return marker;
        }
        return resources.get(ResourceType.GENERIC_NAME, id).map(r -> r.historyMarker()).orElse(marker);
    }

    private static ResourceFilter clientFilter(Caller caller, MultivaluedMap<String, String> query, Object body) {
        if (body != null) {
            return ResourceFilterSchema.parse(body, caller.creator());
        }
        String text = query.getFirst("filter");
        if (text != null && !text.isEmpty()) {
            return FilterStringParser.parse(text, caller.creator());
        }
        return null;
    }

    private ListingPage<Map<String, Object>> run(ResourceType type, ResourceFilter filter,
                                                 MultivaluedMap<String, String> query, String pathUrl) {
        boolean details = QueryValues.bool("details", query.getFirst("details"), false);
        boolean history = QueryValues.bool("history", query.getFirst("history"), false);
        PageRequest page = PageRequest.from(query, maxLimit, ResourceSorting.DEFAULT_SORT);
        List<String> attrs = query.get("attrs") == null ? List.of() : query.get("attrs");
        return page(type, filter, history, details, page, attrs, query, pathUrl);
    }

    private ListingPage<Map<String, Object>> page(ResourceType type, ResourceFilter filter, boolean history,
                                                  boolean details, PageRequest page, List<String> attrs,
                                                  MultivaluedMap<String, String> query, String pathUrl) {
        BoundFilter bound = ResourceFilterBinder.bind(filter, type, history);
        ResourceQueryPlan plan = ResourceQueryPlanner.plan(bound, type.name(), history);
        List<SortKey> sort = ResourceSorting.keys(page.sorts(), history);
        // Checks names and directions only (an empty list has nothing to sort).
        Pagination.pageAfter(List.of(), sort, ResourceSorting.sortable(type, history), (r, f) -> null, null, 1);
        List<Resource> found = resources.search(plan, sort, page.limit(), storedMarker(page.marker(), history));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Resource r : found) {
            items.add(ResourceViews.json(r, type, details, attrs));
        }
        String next = !found.isEmpty() && found.size() >= page.limit()
                ? page.nextLink(pathUrl, query, marker(found.get(found.size() - 1), history)) : null;
        return new ListingPage<>(items, next);
    }
}

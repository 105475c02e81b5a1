package org.polenta.service.operations;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.paging.Pagination;
import org.polenta.core.paging.SortKey;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;

/** GET /v1/metric: equality filters, the caller's visibility, sorting and paging, as Gnocchi lists metrics. */
public final class MetricListing {

    private static final List<String> FILTERS = List.of("user_id", "project_id", "creator", "name", "id", "unit",
            "archive_policy_name", "status");
    private static final List<String> DEFAULT_SORT = List.of("id:asc");
    private static final Set<String> SORTABLE = Set.of("id", "name", "unit", "archive_policy_name", "creator",
            "resource_id", "status");

    private final MetricRepository metrics;
    private final PolicyEnforcer enforcer;
    private final int maxLimit;

    public MetricListing(MetricRepository metrics, PolicyEnforcer enforcer, int maxLimit) {
        this.metrics = metrics;
        this.enforcer = enforcer;
        this.maxLimit = maxLimit;
    }

    public ListingPage<Metric> list(Caller caller, MultivaluedMap<String, String> query, String pathUrl) {
        Map<String, String> equalities = filters(query);
        PageRequest page = PageRequest.from(query, maxLimit, DEFAULT_SORT);
        String visibleProject = visibleProject(caller);
        List<Metric> found = metrics.find(equalities).stream()
                .filter(m -> visibleProject == null || (m.creator() != null && m.creator().endsWith(":" + visibleProject)))
                .toList();
        List<SortKey> sort = SortKey.parseAll(page.sorts(), List.of("id"));
        List<Metric> items = Pagination.pageAfter(found, sort, SORTABLE, MetricListing::field, marker(page.marker()),
                page.limit());
        String next = !items.isEmpty() && items.size() >= page.limit()
                ? page.nextLink(pathUrl, query, items.get(items.size() - 1).id().toString()) : null;
        return new ListingPage<>(items, next);
    }

    private static Map<String, String> filters(MultivaluedMap<String, String> query) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String key : FILTERS) {
            List<String> values = query.get(key);
            if (values == null) {
                continue;
            }
            if (values.size() != 1) {
                throw ApiException.badRequest("Invalid input: expected str for dictionary value @ data['" + key + "']");
            }
            given.put(key, values.get(0));
        }
        String status = given.get("status");
        if (status != null && !status.equals(Metric.ACTIVE) && !status.equals(Metric.DELETED)) {
            throw ApiException.badRequest("Invalid input: not a valid value for dictionary value @ data['status']");
        }
        Map<String, String> equalities = new LinkedHashMap<>();
        String user = given.remove("user_id");
        String project = given.remove("project_id");
        String creator = given.remove("creator");
        // Gnocchi's compatibility with the old user/project filters: creator is "user:project".
        if (user != null || project != null) {
            equalities.put("creator", (user == null ? "" : user) + ":" + (project == null ? "" : project));
        } else if (creator != null) {
            equalities.put("creator", creator);
        }
        equalities.putAll(given);
        return equalities;
    }

    /**
     * Null when the caller may list every metric. Otherwise (identity with projects, not allowed to list all)
     * the project whose metrics the caller may see, as Gnocchi's keystone helper filters; 403 if none.
     * Basic auth has no projects and Gnocchi does not filter its listings.
     */
    private String visibleProject(Caller caller) {
        if (!caller.hasProjectScope() || enforcer.allows("list metric", Map.of(), caller)) {
            return null;
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("created_by_project_id", caller.projectId());
        if (caller.projectId() != null && enforcer.allows("list metric", target, caller)) {
            return caller.projectId();
        }
        throw new ApiException(403, "Insufficient privileges");
    }

    /** Gnocchi finds the marker among all active metrics, whatever the listing's filters. */
    private Metric marker(String markerId) {
        if (markerId == null) {
            return null;
        }
        UUID id = MetricLookup.parseUuid(markerId);
        return (id == null ? java.util.Optional.<Metric>empty() : metrics.get(id)).orElseThrow(
                () -> new InvalidInputException("Invalid pagination: `Invalid marker: `" + markerId + "''"));
    }

    static Comparable<?> field(Metric m, String name) {
        return switch (name) {
            case "id" -> m.id().toString();
            case "name" -> m.name();
            case "unit" -> m.unit();
            case "archive_policy_name" -> m.archivePolicyName();
            case "creator" -> m.creator();
            case "resource_id" -> m.resourceId() == null ? null : m.resourceId().toString();
            case "status" -> m.status();
            default -> null;
        };
    }
}

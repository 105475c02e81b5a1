package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.paging.Pagination;
import org.polenta.core.paging.SortKey;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.search.IndexScan;
import org.polenta.core.resource.search.ResourceQueryPlan;
import org.polenta.core.resource.search.ResourceSorting;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * Runs a ResourceQueryPlan. The plan's scans become ordered reads of the derived tables, merged; the residual
 * filter runs on each row there, and the survivors are checked against their by-id row, which supplies the
 * content (a derived row that does not sit where the current version sits is stale and skipped, and deleted
 * when it can no longer become current).
 *
 * <p>Cost by shape:
 * <ul>
 * <li>Default order (revision_start, started_at, id), no history: reads pages of the chosen partitions after
 *     the marker and stops once {@code limit} resources are found; a filter that the index does not narrow (a
 *     LIKE, "ended_at = null") reads on until enough rows pass it.</li>
 * <li>Any other sort: reads every row the scans yield (a tenant's partition, an index's matches, or the
 *     listed type, or everything for "generic" without an indexable term), then sorts and cuts the page in
 *     memory.</li>
 * <li>History: reads every version of the listed type (or of every resource), unless the filter names ids.</li>
 * </ul>
 */
final class ResourceSearch {

    /** By-id reads per round: a page's worth, so a first page costs one round. */
    private static final int VERIFY_BATCH = 500;
    private static final int MIN_PAGE = 16;

    private final IndexScanReads reads;
    private final DerivedRows derived;
    private final CurrentVersions currentVersions;
    private final PreparedQuery selectOfType;
    private final PreparedQuery selectAll;
    private final PreparedQuery selectHistoryOfType;
    private final PreparedQuery selectAllHistory;
    private final java.util.function.Function<UUID, List<Resource>> history;

    ResourceSearch(Cql cql, DerivedRows derived, CurrentVersions currentVersions,
                   java.util.function.Function<UUID, List<Resource>> history) {
        Cql.Queries queries = cql.queries("resources.cql");
        this.reads = new IndexScanReads(cql, currentVersions, derived);
        this.derived = derived;
        this.currentVersions = currentVersions;
        this.history = history;
        selectOfType = queries.get("selectOfType");
        selectAll = queries.get("selectAll");
        selectHistoryOfType = queries.get("selectHistoryOfType");
        selectAllHistory = queries.get("selectAllHistory");
    }

    List<Resource> search(ResourceQueryPlan plan, List<SortKey> sort, int limit, String marker) {
        if (plan.history()) {
            return searchHistory(plan, sort, limit, marker);
        }
        // Gnocchi resolves the marker before it looks at the sort keys.
        Resource markerRow = marker == null ? null : resolveMarker(plan.resourceType(), marker);
        if (isDefaultOrder(sort)) {
            ResourceKey after = markerRow == null ? ResourceKey.MIN : ResourceKey.of(markerRow);
            int pageSize = Math.max(MIN_PAGE, limit + 1);
            return collect(plan, after, pageSize, TimelineLayout.SHARDS, limit);
        }
        List<Resource> all = collect(plan, ResourceKey.MIN, PagedScan.MAX_PAGE, 1, Integer.MAX_VALUE);
        return Pagination.pageAfter(all, sort, null, ResourceSorting::field, markerRow, limit);
    }

    /** Gnocchi's default: the derived tables' clustering order. NULLs cannot occur in these columns. */
    private static boolean isDefaultOrder(List<SortKey> sort) {
        List<String> order = List.of("revision_start", "started_at", "id");
        if (sort.size() != order.size()) {
            return false;
        }
        for (int i = 0; i < order.size(); i++) {
            if (!sort.get(i).attribute().equals(order.get(i)) || sort.get(i).descending()) {
                return false;
            }
        }
        return true;
    }

    private Resource resolveMarker(String type, String marker) {
        UUID id = canonicalUuid(marker);
        Optional<Resource> row = id == null ? Optional.empty() : currentVersions.load(id)
            .filter(r -> ResourceType.GENERIC_NAME.equals(type) || r.type().equals(type));
        return row.orElseThrow(() -> invalidMarker(marker));
    }

    /**
     * Up to {@code limit} current versions the plan selects, in key order.
     *
     * @param shardPageDivisor the first page of a timeline shard is pageSize / divisor (the shards share the page)
     */
    private List<Resource> collect(ResourceQueryPlan plan, ResourceKey after, int pageSize, int shardPageDivisor,
                                   int limit) {
        SortedSet<Long> buckets = derived.buckets();
        List<CandidateScan> scans = new ArrayList<>();
        for (IndexScan scan : plan.scans()) {
            int size = scan instanceof IndexScan.ByProject ? pageSize
                : Math.max(MIN_PAGE, pageSize / shardPageDivisor + 1);
            scans.add(reads.open(scan, plan.resourceType(), after, buckets, size, currentVersions::load));
        }
        CandidateScan merged = scans.size() == 1 ? scans.get(0) : new MergedScan(scans);
        boolean generic = ResourceType.GENERIC_NAME.equals(plan.resourceType());
        Set<UUID> accepted = new HashSet<>();
        List<Resource> page = new ArrayList<>();
        boolean exhausted = false;
        while (page.size() < limit && !exhausted) {
            int wanted = Math.min(limit - page.size(), VERIFY_BATCH);
            List<Candidate> batch = new ArrayList<>();
            while (batch.size() < wanted) {
                Candidate candidate = merged.next();
                if (candidate == null) {
                    exhausted = true;
                    break;
                }
                Resource r = candidate.resource();
                if (!accepted.contains(r.id()) && (generic || r.type().equals(plan.resourceType()))
                        && plan.residual().matches(r)) {
                    batch.add(candidate);
                }
            }
            if (batch.isEmpty()) {
                break;
            }
            Map<UUID, Resource> current = currentVersions.load(batch.stream().filter(c -> !c.verified())
                .map(c -> c.resource().id()).toList());
            for (Candidate candidate : batch) {
                Resource now = candidate.verified() ? candidate.resource() : current.get(candidate.resource().id());
                if (now == null) {
                    // Not created yet (a create in flight) or deleted: nothing to show.
                    continue;
                }
                if (!DerivedRows.samePlaces(now, candidate.resource())) {
                    // A version that is no longer current, or a loser's copy that never became current.
                    if (now.revision() >= candidate.resource().revision()) {
                        derived.deleteReplaced(candidate.resource(), now);
                    }
                    continue;
                }
                if ((generic || now.type().equals(plan.resourceType())) && plan.residual().matches(now)
                        && accepted.add(now.id())) {
                    page.add(now);
                }
            }
        }
        return page;
    }

    private List<Resource> searchHistory(ResourceQueryPlan plan, List<SortKey> sort, int limit, String marker) {
        boolean generic = ResourceType.GENERIC_NAME.equals(plan.resourceType());
        List<Resource> versions = new ArrayList<>();
        boolean byIds = !plan.scans().isEmpty() && plan.scans().stream().allMatch(s -> s instanceof IndexScan.ById);
        if (byIds) {
            plan.scans().stream().map(s -> ((IndexScan.ById) s).id()).distinct()
                .forEach(id -> versions.addAll(history.apply(id)));
        } else {
            Map<UUID, Resource> current = new LinkedHashMap<>();
            for (Row row : generic ? selectAll.execute() : selectOfType.execute(plan.resourceType())) {
                Resource r = ResourceRows.current(row);
                current.put(r.id(), r);
            }
            Map<UUID, List<Resource>> past = new HashMap<>();
            for (Row row : generic ? selectAllHistory.execute() : selectHistoryOfType.execute(plan.resourceType())) {
                Resource r = ResourceRows.past(row);
                past.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
            }
            current.values().forEach(r -> versions.addAll(Versions.assemble(r, past.getOrDefault(r.id(), List.of()))));
        }
        List<Resource> ofType = versions.stream()
            .filter(r -> generic || r.type().equals(plan.resourceType())).toList();
        Resource markerRow = null;
        if (marker != null) {
            markerRow = ofType.stream().filter(r -> ResourceSorting.isMarked(r, marker, true)).findFirst()
                .or(() -> historyMarker(marker, plan.resourceType()))
                .orElseThrow(() -> invalidMarker(marker));
        }
        List<Resource> matching = ofType.stream().filter(plan.residual()::matches).toList();
        return Pagination.pageAfter(matching, sort, null, ResourceSorting::field, markerRow, limit);
    }

    /** A marker outside the versions read (a listing by id): looked up in its own resource's history. */
    private Optional<Resource> historyMarker(String marker, String type) {
        int at = marker.indexOf('@');
        UUID id = at < 0 ? null : canonicalUuid(marker.substring(0, at));
        if (id == null) {
            return Optional.empty();
        }
        return history.apply(id).stream()
            .filter(r -> ResourceType.GENERIC_NAME.equals(type) || r.type().equals(type))
            .filter(r -> ResourceSorting.isMarked(r, marker, true)).findFirst();
    }

    private static UUID canonicalUuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static InvalidInputException invalidMarker(String marker) {
        return new InvalidInputException("Invalid pagination: `Invalid marker: `" + marker + "''");
    }
}

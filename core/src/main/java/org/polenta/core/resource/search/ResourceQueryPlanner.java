package org.polenta.core.resource.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.polenta.core.resource.type.ResourceType;

/**
 * Chooses the index reads for a bound filter, for a storage whose indexes answer equalities and ranges only
 * (Cassandra's storage-attached indexes): an AND uses its most selective indexable operand, an OR the union of
 * its operands' scans when every operand is indexable, IN a union of equalities, "creator LIKE '%:p'" (how
 * Gnocchi writes "created by project p") the created_by_project_id index, a LIKE with fixed leading text on a
 * string attribute a prefix scan. NOT, other LIKE patterns, != and NULL tests are left to the residual. With nothing better, a listing of a type reads that type's index; of "generic",
 * everything.
 *
 * <p>Caveat: created_by_project_id is the creator after its first ':', while the LIKE also matches a creator
 * with more colons ("u:x:p"); such creators (never made by Keystone) can be missed by that scan.
 */
public final class ResourceQueryPlanner {

    private static final Set<String> EQUALITY_COLUMNS = Set.of("type", "user_id", "creator", "started_at", "ended_at",
            "revision_start");
    private static final Set<String> RANGE_COLUMNS = Set.of("started_at", "ended_at", "revision_start");
    private static final Set<String> NOT_INDEXED = Set.of("original_resource_id", "revision", "revision_end",
            "lifespan", "project_id", "id");
    private static final int TYPE_RANK = new IndexScan.Equals("type", "").rank();

    private ResourceQueryPlanner() {
    }

    public static ResourceQueryPlan plan(BoundFilter filter, String resourceType, boolean history) {
        Optional<List<IndexScan>> scans = scansFor(filter);
        List<IndexScan> chosen;
        boolean generic = ResourceType.GENERIC_NAME.equals(resourceType);
        if (scans.isPresent() && (cost(scans.get()) < TYPE_RANK || generic)) {
            chosen = scans.get();
        } else if (!generic) {
            chosen = List.of(new IndexScan.Equals("type", resourceType));
        } else {
            chosen = List.of(new IndexScan.FullScan());
        }
        return new ResourceQueryPlan(resourceType, history, chosen, filter);
    }

    private static Optional<List<IndexScan>> scansFor(BoundFilter filter) {
        if (filter instanceof BoundFilter.Comparison comparison) {
            return comparison(comparison).map(List::of);
        }
        if (filter instanceof BoundFilter.In in) {
            return in(in);
        }
        if (filter instanceof BoundFilter.Like like) {
            return like(like).map(List::of);
        }
        if (filter instanceof BoundFilter.All all) {
            return all.operands().stream().map(ResourceQueryPlanner::scansFor).flatMap(Optional::stream)
                    .min(Comparator.<List<IndexScan>>comparingInt(ResourceQueryPlanner::cost).thenComparingInt(List::size));
        }
        if (filter instanceof BoundFilter.AnyOf any) {
            List<IndexScan> union = new ArrayList<>();
            for (BoundFilter operand : any.operands()) {
                Optional<List<IndexScan>> scans = scansFor(operand);
                if (scans.isEmpty()) {
                    return Optional.empty();
                }
                scans.get().stream().filter(scan -> !union.contains(scan)).forEach(union::add);
            }
            return Optional.of(union);
        }
        return Optional.empty();
    }

    private static Optional<IndexScan> comparison(BoundFilter.Comparison comparison) {
        String field = comparison.field();
        Object value = comparison.value();
        if (value == null) {
            return Optional.empty();
        }
        switch (comparison.operator()) {
            case EQ -> {
                return equality(field, comparison.kind(), value);
            }
            case LT, LE -> {
                return rangeColumn(field, comparison.kind()).map(column ->
                        new IndexScan.Range(column, null, false, value, comparison.operator() == ComparisonOperator.LE));
            }
            case GT, GE -> {
                return rangeColumn(field, comparison.kind()).map(column ->
                        new IndexScan.Range(column, value, comparison.operator() == ComparisonOperator.GE, null, false));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<IndexScan> equality(String field, FieldKind kind, Object value) {
        if (field.equals("id")) {
            return Optional.of(new IndexScan.ById((java.util.UUID) value));
        }
        if (field.equals("project_id")) {
            return Optional.of(new IndexScan.ByProject((String) value));
        }
        if (EQUALITY_COLUMNS.contains(field)) {
            return Optional.of(new IndexScan.Equals(field, value));
        }
        if (isAttribute(field, kind)) {
            return Optional.of(new IndexScan.Equals("attributes." + field, value));
        }
        return Optional.empty();
    }

    private static Optional<String> rangeColumn(String field, FieldKind kind) {
        if (RANGE_COLUMNS.contains(field)) {
            return Optional.of(field);
        }
        if (isAttribute(field, kind) && kind != FieldKind.BOOL) {
            return Optional.of("attributes." + field);
        }
        return Optional.empty();
    }

    private static boolean isAttribute(String field, FieldKind kind) {
        return !NOT_INDEXED.contains(field) && !EQUALITY_COLUMNS.contains(field) && kind != FieldKind.LIFESPAN;
    }

    private static Optional<List<IndexScan>> in(BoundFilter.In in) {
        List<IndexScan> union = new ArrayList<>();
        for (Object value : in.values()) {
            if (value == null) {
                continue;
            }
            Optional<IndexScan> scan = equality(in.field(), in.kind(), value);
            if (scan.isEmpty()) {
                return Optional.empty();
            }
            if (!union.contains(scan.get())) {
                union.add(scan.get());
            }
        }
        return Optional.of(union);
    }

    private static Optional<IndexScan> like(BoundFilter.Like like) {
        String pattern = like.pattern();
        if (like.field().equals("creator") && pattern.startsWith("%:")) {
            String project = pattern.substring(2);
            if (LikePatterns.isLiteral(project)) {
                return Optional.of(new IndexScan.Equals("created_by_project_id", LikePatterns.literalPrefix(project)));
            }
        }
        if (LikePatterns.isLiteral(pattern)) {
            return equality(like.field(), FieldKind.STRING, LikePatterns.literalPrefix(pattern));
        }
        String prefix = LikePatterns.literalPrefix(pattern);
        if (!prefix.isEmpty() && isAttribute(like.field(), FieldKind.STRING)) {
            return Optional.of(new IndexScan.Prefix("attributes." + like.field(), prefix));
        }
        return Optional.empty();
    }

    private static int cost(List<IndexScan> scans) {
        return scans.stream().mapToInt(IndexScan::rank).max().orElse(0);
    }
}

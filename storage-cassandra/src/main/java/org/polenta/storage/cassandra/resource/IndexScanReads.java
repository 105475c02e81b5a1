package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Supplier;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.search.IndexScan;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * Turns one IndexScan of a query plan into an ordered CandidateScan over the derived tables, starting after a
 * key: a project is a partition of resources_by_project, a type the partitions of resources_by_type, anything
 * else the timeline's partitions narrowed by one storage-attached index, a LIKE prefix on a string attribute
 * the slices of resources_by_text (when they are few enough to sort). Every scan yields a superset of the
 * rows its part of the filter keeps: range bounds are read inclusive, and what no index answers (a range on an
 * attribute: SAI's map-entry index only does equality; an unknown column) falls back to the listed type's
 * rows, or to every row for "generic".
 */
final class IndexScanReads {

    private final CqlSession session;
    private final PreparedQuery byProject;
    private final PreparedQuery timeline;
    private final PreparedQuery byType;
    private final PreparedQuery timelineUserId;
    private final PreparedQuery timelineCreator;
    private final PreparedQuery timelineCreatedByProjectId;
    private final PreparedQuery timelineStartedAt;
    private final PreparedQuery timelineEndedAt;
    private final PreparedQuery timelineAttribute;
    private final PreparedQuery textPrefix;
    private final CurrentVersions currentVersions;
    private final DerivedRows derived;

    IndexScanReads(Cql cql, CurrentVersions currentVersions, DerivedRows derived) {
        Cql.Queries queries = cql.queries("resource_scans.cql");
        session = cql.session();
        byProject = queries.get("byProject");
        timeline = queries.get("timeline");
        byType = queries.get("byType");
        timelineUserId = queries.get("timelineUserId");
        timelineCreator = queries.get("timelineCreator");
        timelineCreatedByProjectId = queries.get("timelineCreatedByProjectId");
        timelineStartedAt = queries.get("timelineStartedAt");
        timelineEndedAt = queries.get("timelineEndedAt");
        timelineAttribute = queries.get("timelineAttribute");
        textPrefix = queries.get("textPrefix");
        this.currentVersions = currentVersions;
        this.derived = derived;
    }

    /**
     * @param byId      reads the current version of a resource (ById scans)
     * @param buckets   the timeline buckets that exist, ascending
     * @param pageSize  the first page of each partition read (the whole scan for a by-project read)
     */
    CandidateScan open(IndexScan scan, String planType, ResourceKey after, SortedSet<Long> buckets, int pageSize,
                       java.util.function.Function<java.util.UUID, Optional<Resource>> byId) {
        if (scan instanceof IndexScan.ById byIdScan) {
            List<Candidate> found = new ArrayList<>();
            byId.apply(byIdScan.id()).map(Candidate::current).filter(c -> c.key().compareTo(after) > 0)
                .ifPresent(found::add);
            return CandidateScan.of(found);
        }
        if (scan instanceof IndexScan.ByProject project) {
            if (project.projectId() == null) {
                return CandidateScan.of(List.of());
            }
            return new PagedScan(session, byProject, pageSize, TimelineLayout.projectKey(project.projectId()),
                after.revisionStart(), after.startedAt(), after.id(), Long.MAX_VALUE);
        }
        if (scan instanceof IndexScan.Equals equals) {
            return equality(equals.column(), equals.value(), planType, after, buckets, pageSize);
        }
        if (scan instanceof IndexScan.Range range) {
            return range(range, planType, after, buckets, pageSize);
        }
        if (scan instanceof IndexScan.Prefix prefix && prefix.column().startsWith("attributes.")
                && !ResourceType.GENERIC_NAME.equals(planType)) {
            String attribute = prefix.column().substring("attributes.".length());
            return TextPrefixScan.open(textPrefix, currentVersions, derived, planType, attribute, prefix.prefix(),
                after).orElseGet(() -> fallback(planType, after, buckets, pageSize));
        }
        return fallback(planType, after, buckets, pageSize);
    }

    private CandidateScan equality(String column, Object value, String planType, ResourceKey after,
                                   SortedSet<Long> buckets, int pageSize) {
        return switch (column) {
            case "type" -> timeline(byType, after, Long.MAX_VALUE, buckets, pageSize, value);
            case "user_id" -> timeline(timelineUserId, after, Long.MAX_VALUE, buckets, pageSize, value);
            case "creator" -> timeline(timelineCreator, after, Long.MAX_VALUE, buckets, pageSize, value);
            case "created_by_project_id" ->
                timeline(timelineCreatedByProjectId, after, Long.MAX_VALUE, buckets, pageSize, value);
            case "started_at" -> timeline(timelineStartedAt, after, Long.MAX_VALUE, buckets, pageSize, value, value);
            case "ended_at" -> timeline(timelineEndedAt, after, Long.MAX_VALUE, buckets, pageSize, value, value);
            case "revision_start" -> timeline(timeline,
                ResourceKey.max(after, ResourceKey.before((Long) value)), (Long) value, buckets, pageSize);
            default -> column.startsWith("attributes.")
                ? timeline(timelineAttribute, after, Long.MAX_VALUE, buckets, pageSize,
                    column.substring("attributes.".length()), AttributeCodec.encode(value))
                : fallback(planType, after, buckets, pageSize);
        };
    }

    private CandidateScan range(IndexScan.Range range, String planType, ResourceKey after, SortedSet<Long> buckets,
                                int pageSize) {
        if (!List.of("started_at", "ended_at", "revision_start").contains(range.column())) {
            return fallback(planType, after, buckets, pageSize);
        }
        long lower = range.lower() == null ? Long.MIN_VALUE : (Long) range.lower();
        long upper = range.upper() == null ? Long.MAX_VALUE : (Long) range.upper();
        return switch (range.column()) {
            case "started_at" -> timeline(timelineStartedAt, after, Long.MAX_VALUE, buckets, pageSize, lower, upper);
            case "ended_at" -> timeline(timelineEndedAt, after, Long.MAX_VALUE, buckets, pageSize, lower, upper);
            case "revision_start" ->
                timeline(timeline, ResourceKey.max(after, ResourceKey.before(lower)), upper, buckets, pageSize);
            default -> fallback(planType, after, buckets, pageSize);
        };
    }

    private CandidateScan fallback(String planType, ResourceKey after, SortedSet<Long> buckets, int pageSize) {
        return ResourceType.GENERIC_NAME.equals(planType)
            ? timeline(timeline, after, Long.MAX_VALUE, buckets, pageSize)
            : timeline(byType, after, Long.MAX_VALUE, buckets, pageSize, planType);
    }

    /** The buckets that can hold keys in (after, upper], each a merge of its shards, one bucket after the other. */
    private CandidateScan timeline(PreparedQuery query, ResourceKey after, long upperRevisionStart,
                                   SortedSet<Long> buckets, int pageSize, Object... predicate) {
        if (after.revisionStart() > upperRevisionStart) {
            return CandidateScan.of(List.of());
        }
        long first = TimelineLayout.bucket(after.revisionStart());
        long last = TimelineLayout.bucket(upperRevisionStart);
        List<Supplier<CandidateScan>> parts = new ArrayList<>();
        for (long bucket : buckets.subSet(first, last + 1)) {
            parts.add(() -> {
                List<CandidateScan> shards = new ArrayList<>();
                for (int shard = 0; shard < TimelineLayout.SHARDS; shard++) {
                    Object[] values = new Object[6 + predicate.length];
                    values[0] = bucket;
                    values[1] = shard;
                    values[2] = after.revisionStart();
                    values[3] = after.startedAt();
                    values[4] = after.id();
                    values[5] = upperRevisionStart;
                    System.arraycopy(predicate, 0, values, 6, predicate.length);
                    shards.add(new PagedScan(session, query, pageSize, values));
                }
                return new MergedScan(shards);
            });
        }
        return new ChainedScan(parts);
    }
}

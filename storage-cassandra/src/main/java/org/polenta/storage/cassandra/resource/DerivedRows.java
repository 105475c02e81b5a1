package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.polenta.core.resource.Resource;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * The copies of a version in resources_by_project, resources_timeline, resources_by_type and resources_by_text,
 * and the registry of buckets.
 */
final class DerivedRows {

    private final PreparedQuery insertByProject;
    private final PreparedQuery deleteByProject;
    private final PreparedQuery insertTimeline;
    private final PreparedQuery deleteTimeline;
    private final PreparedQuery insertByType;
    private final PreparedQuery deleteByType;
    private final PreparedQuery insertText;
    private final PreparedQuery deleteText;
    private final PreparedQuery insertBucket;
    private final PreparedQuery selectBuckets;
    /** Buckets this process has registered: each is written once, not once per resource. */
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();

    DerivedRows(Cql cql) {
        Cql.Queries queries = cql.queries("resources.cql");
        insertByProject = queries.get("insertByProject");
        deleteByProject = queries.get("deleteByProject");
        insertTimeline = queries.get("insertTimeline");
        deleteTimeline = queries.get("deleteTimeline");
        insertByType = queries.get("insertByType");
        deleteByType = queries.get("deleteByType");
        insertText = queries.get("insertText");
        deleteText = queries.get("deleteText");
        insertBucket = queries.get("insertBucket");
        selectBuckets = queries.get("selectBuckets");
    }

    /** Writes every copy (the bucket registry first, so a scan never misses a written row). */
    CompletionStage<Void> write(Resource r) {
        long bucket = TimelineLayout.bucket(r.revisionStart());
        CompletionStage<?> registration = CompletableFuture.completedFuture(null);
        if (!registered.contains(bucket)) {
            registration = insertBucket.executeAsync(bucket).thenRun(() -> registered.add(bucket));
        }
        String id = r.id().toString();
        var attributes = AttributeCodec.encodeAll(r.attributes());
        List<CompletableFuture<?>> writes = new ArrayList<>();
        writes.add(registration.thenCompose(ignored -> insertTimeline.executeAsync(bucket,
            TimelineLayout.shard(r.id()), r.revisionStart(), r.startedAt(), id, r.revision(), r.type(),
            r.originalResourceId(), r.creator(), r.createdByProjectId(), r.userId(), r.projectId(), r.endedAt(),
            r.startedAt(), attributes)).toCompletableFuture());
        writes.add(registration.thenCompose(ignored -> insertByType.executeAsync(r.type(), bucket,
            TimelineLayout.shard(r.id()), r.revisionStart(), r.startedAt(), id, r.revision(), r.originalResourceId(),
            r.creator(), r.userId(), r.projectId(), r.endedAt(), attributes)).toCompletableFuture());
        if (r.projectId() != null) {
            writes.add(insertByProject.executeAsync(TimelineLayout.projectKey(r.projectId()), r.revisionStart(),
                r.startedAt(), id, r.revision(), r.type(), r.originalResourceId(), r.creator(), r.userId(),
                r.projectId(), r.endedAt(), attributes).toCompletableFuture());
        }
        writes.add(writeText(r).toCompletableFuture());
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** Writes the resources_by_text rows of a version alone (filling that copy for resources written before it). */
    CompletionStage<Void> writeText(Resource r) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (TextPlace place : TextPlace.of(r)) {
            writes.add(insertText.executeAsync(place.type(), place.attribute(), place.shard(), place.value(),
                place.key().revisionStart(), place.key().startedAt(), place.key().id(), r.revision())
                .toCompletableFuture());
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** Deletes the copies of a version (found from its own content: project, key and attribute values). */
    CompletionStage<Void> delete(Resource r) {
        List<CompletableFuture<?>> deletes = new ArrayList<>();
        deletes.add(deleteKeyed(r).toCompletableFuture());
        TextPlace.of(r).forEach(place -> deletes.add(deleteText(place).toCompletableFuture()));
        return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
    }

    /**
     * Deletes the copies of {@code old} that {@code now} (a later version of the same resource, or its current
     * one) does not also occupy: after an update, or when a reader finds a stale copy.
     */
    CompletionStage<Void> deleteReplaced(Resource old, Resource now) {
        List<CompletableFuture<?>> deletes = new ArrayList<>();
        if (!samePlaces(old, now)) {
            deletes.add(deleteKeyed(old).toCompletableFuture());
        }
        Set<TextPlace> kept = new java.util.HashSet<>(TextPlace.of(now));
        TextPlace.of(old).stream().filter(place -> !kept.contains(place))
            .forEach(place -> deletes.add(deleteText(place).toCompletableFuture()));
        return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
    }

    CompletionStage<?> deleteText(TextPlace place) {
        return deleteText.executeAsync(place.type(), place.attribute(), place.shard(), place.value(),
            place.key().revisionStart(), place.key().startedAt(), place.key().id());
    }

    /** The copies keyed by the listing key alone: by project, timeline and by type. */
    private CompletionStage<Void> deleteKeyed(Resource r) {
        String id = r.id().toString();
        List<CompletableFuture<?>> deletes = new ArrayList<>();
        deletes.add(deleteTimeline.executeAsync(TimelineLayout.bucket(r.revisionStart()),
            TimelineLayout.shard(r.id()), r.revisionStart(), r.startedAt(), id).toCompletableFuture());
        deletes.add(deleteByType.executeAsync(r.type(), TimelineLayout.bucket(r.revisionStart()),
            TimelineLayout.shard(r.id()), r.revisionStart(), r.startedAt(), id).toCompletableFuture());
        if (r.projectId() != null) {
            deletes.add(deleteByProject.executeAsync(TimelineLayout.projectKey(r.projectId()), r.revisionStart(),
                r.startedAt(), id).toCompletableFuture());
        }
        return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
    }

    /** Whether two versions have their copies at the same places (then writing one replaces the other). */
    static boolean samePlaces(Resource a, Resource b) {
        return ResourceKey.of(a).equals(ResourceKey.of(b)) && a.type().equals(b.type())
            && java.util.Objects.equals(a.projectId(), b.projectId());
    }

    SortedSet<Long> buckets() {
        SortedSet<Long> buckets = new TreeSet<>(registered);
        for (Row row : selectBuckets.execute()) {
            buckets.add(row.getLong("bucket"));
        }
        return buckets;
    }

}

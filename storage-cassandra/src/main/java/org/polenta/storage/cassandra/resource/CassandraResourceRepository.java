package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.paging.SortKey;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.ResourceRevisionConflictException;
import org.polenta.core.resource.search.ResourceQueryPlan;
import org.polenta.core.resource.type.AttributeAddition;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeUpdate;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * The resource index on Cassandra (layout in schema/006-resources.cql). Every change of a resource is decided
 * by one lightweight transaction on its by-id row; what else a change writes is ordered so that a crash or a
 * lost race at any point leaves only rows that readers recognise as not current:
 * <ol>
 * <li>before the compare-and-set: the past version's history row (its content is the same whoever writes it)
 *     and the new version's derived rows;</li>
 * <li>the compare-and-set on (revision, metrics) of the version the caller read;</li>
 * <li>after it: the old version's derived rows are deleted.</li>
 * </ol>
 * No accepted revision can be lost: the history row of revision N exists before N+1 can become current.
 */
public final class CassandraResourceRepository implements ResourceRepository {

    private final PreparedQuery insert;
    private final PreparedQuery compareAndSet;
    private final PreparedQuery delete;
    private final PreparedQuery anyOfType;
    private final PreparedQuery selectOfType;
    private final PreparedQuery insertHistory;
    private final PreparedQuery selectHistory;
    private final PreparedQuery selectHistoryOfType;
    private final PreparedQuery deleteHistory;
    private final PreparedQuery setAttribute;
    private final PreparedQuery removeAttribute;
    private final PreparedQuery setHistoryAttribute;
    private final PreparedQuery removeHistoryAttribute;
    private final DerivedRows derived;
    private final CurrentVersions currentVersions;
    private final ResourceSearch search;

    public CassandraResourceRepository(Cql cql) {
        Cql.Queries queries = cql.queries("resources.cql");
        insert = queries.get("insert");
        compareAndSet = queries.get("compareAndSet");
        delete = queries.get("delete");
        anyOfType = queries.get("anyOfType");
        selectOfType = queries.get("selectOfType");
        insertHistory = queries.get("insertHistory");
        selectHistory = queries.get("selectHistory");
        selectHistoryOfType = queries.get("selectHistoryOfType");
        deleteHistory = queries.get("deleteHistory");
        setAttribute = queries.get("setAttribute");
        removeAttribute = queries.get("removeAttribute");
        setHistoryAttribute = queries.get("setHistoryAttribute");
        removeHistoryAttribute = queries.get("removeHistoryAttribute");
        derived = new DerivedRows(cql);
        currentVersions = new CurrentVersions(cql);
        search = new ResourceSearch(cql, derived, currentVersions, this::history);
        new TextCopyBackfill(cql, derived).runIfNeeded();
    }

    @Override
    public void create(Resource resource) {
        if (currentVersions.load(resource.id()).isPresent()) {
            throw alreadyExists(resource.id());
        }
        await(derived.write(resource));
        boolean applied = insert.executeConditional(resource.id(), resource.revision(), resource.type(),
                resource.originalResourceId(), resource.creator(), resource.userId(), resource.projectId(),
                resource.startedAt(), resource.endedAt(), resource.revisionStart(), resource.metrics(),
                AttributeCodec.encodeAll(resource.attributes()))
            .map(ResultSet::wasApplied)
            .orElseGet(() -> currentVersions.loadSerially(resource.id()).filter(r -> sameWrite(r, resource))
                .isPresent());
        if (!applied) {
            // Created meanwhile by someone else: if our copies replaced theirs, put theirs back.
            currentVersions.load(resource.id()).filter(winner -> DerivedRows.samePlaces(winner, resource))
                .ifPresent(winner -> await(derived.write(winner)));
            throw alreadyExists(resource.id());
        }
    }

    @Override
    public Optional<Resource> get(String type, UUID id) {
        return currentVersions.load(id).filter(r -> ResourceType.GENERIC_NAME.equals(type) || r.type().equals(type));
    }

    @Override
    public Resource update(Resource current, Resource next, boolean newRevision) {
        Resource stored = newRevision
            ? next.withRevision(current.revision() + 1, next.revisionStart(), null)
            : next.withRevision(current.revision(), current.revisionStart(), null);
        boolean derivedChanged = !stored.withMetrics(Map.of()).equals(current.withMetrics(Map.of()));
        if (newRevision) {
            await(CompletableFuture.allOf(writeHistory(current).toCompletableFuture(),
                derived.write(stored).toCompletableFuture()));
        }
        Optional<ResultSet> outcome = compareAndSet.executeConditional(stored.revision(), stored.type(),
            stored.originalResourceId(), stored.creator(), stored.userId(), stored.projectId(), stored.startedAt(),
            stored.endedAt(), stored.revisionStart(), stored.metrics(), AttributeCodec.encodeAll(stored.attributes()),
            current.id(), current.revision(), current.metrics());
        boolean applied;
        boolean exists;
        if (outcome.isPresent()) {
            applied = outcome.get().wasApplied();
            Row row = outcome.get().one();
            exists = applied
                || row != null && row.getColumnDefinitions().contains("revision") && !row.isNull("revision");
        } else {
            Optional<Resource> after = currentVersions.loadSerially(current.id());
            applied = after.filter(r -> sameWrite(r, stored)).isPresent();
            exists = after.isPresent();
        }
        if (!applied) {
            if (!exists) {
                if (newRevision && !DerivedRows.samePlaces(stored, current)) {
                    await(derived.delete(stored));
                }
                throw new NoSuchEntityException("Resource " + current.id() + " does not exist");
            }
            throw new ResourceRevisionConflictException(current.id(), current.revision());
        }
        if (!newRevision && derivedChanged) {
            await(derived.write(stored));
        }
        if (derivedChanged) {
            await(derived.deleteReplaced(current, stored));
        }
        return stored;
    }

    /**
     * Whether the row read back is the version this writer put there, as stored: the resolution of a lightweight
     * transaction whose outcome Cassandra could not report. A rival's write differs at least in revision_start.
     */
    private static boolean sameWrite(Resource found, Resource written) {
        return found.revision() == written.revision() && found.revisionStart() == written.revisionStart()
            && found.metrics().equals(written.metrics())
            && Objects.equals(found.userId(), written.userId())
            && Objects.equals(found.projectId(), written.projectId())
            && Objects.equals(found.creator(), written.creator())
            && found.startedAt() == written.startedAt() && Objects.equals(found.endedAt(), written.endedAt())
            && AttributeCodec.encodeAll(found.attributes()).equals(AttributeCodec.encodeAll(written.attributes()));
    }

    @Override
    public List<Resource> history(UUID id) {
        Optional<Resource> current = currentVersions.load(id);
        if (current.isEmpty()) {
            return List.of();
        }
        List<Resource> past = new ArrayList<>();
        for (Row row : selectHistory.execute(id)) {
            past.add(ResourceRows.past(row));
        }
        return Versions.assemble(current.get(), past);
    }

    @Override
    public void delete(UUID id) {
        Resource current = currentVersions.load(id).orElseThrow(() -> noSuchResource(id));
        // An unknown outcome counts as deleted when a serial read finds no row: whoever deleted it, it is gone.
        boolean deleted = delete.executeConditional(id).map(ResultSet::wasApplied)
            .orElseGet(() -> currentVersions.loadSerially(id).isEmpty());
        if (!deleted) {
            throw noSuchResource(id);
        }
        await(CompletableFuture.allOf(derived.delete(current).toCompletableFuture(),
            deleteHistory.executeAsync(id).toCompletableFuture()));
    }

    @Override
    public List<Resource> search(ResourceQueryPlan plan, List<SortKey> sort, int limit, String marker) {
        return search.search(plan, sort, limit, marker);
    }

    /** Whether a current resource of the type exists (a type in use cannot be deleted). */
    boolean hasResourcesOfType(String type) {
        return anyOfType.execute(type).one() != null;
    }

    /**
     * A type's attribute change applied to its resources, every version and copy: removed attributes go, added
     * ones get their fill value (null without one). Meant to run while the type is "updating", when no resource
     * of the type is written.
     */
    void rewriteAttributes(String type, ResourceTypeUpdate update) {
        List<Supplier<CompletionStage<AsyncResultSet>>> writes = new ArrayList<>();
        for (Row row : selectOfType.execute(type)) {
            Resource r = ResourceRows.current(row);
            Resource rewritten = new Resource(r.id(), r.originalResourceId(), r.type(), r.creator(), r.userId(),
                r.projectId(), r.startedAt(), r.endedAt(), r.revision(), r.revisionStart(), null, r.metrics(),
                rewrite(r.attributes(), update));
            if (!update.removed().isEmpty()) {
                writes.add(() -> removeAttribute.executeAsync(java.util.Set.copyOf(update.removed()), r.id()));
            }
            for (AttributeAddition addition : update.added()) {
                writes.add(() -> setAttribute.executeAsync(addition.attribute().name(),
                    AttributeCodec.encode(addition.fill()), r.id()));
            }
            writes.add(() -> derived.write(rewritten).thenCompose(ignored -> derived.deleteReplaced(r, rewritten))
                .thenApply(ignored -> (AsyncResultSet) null));
        }
        for (Row row : selectHistoryOfType.execute(type)) {
            UUID id = row.getUuid("id");
            long revision = row.getLong("revision");
            if (!update.removed().isEmpty()) {
                writes.add(() -> removeHistoryAttribute.executeAsync(java.util.Set.copyOf(update.removed()), id,
                    revision));
            }
            for (AttributeAddition addition : update.added()) {
                writes.add(() -> setHistoryAttribute.executeAsync(addition.attribute().name(),
                    AttributeCodec.encode(addition.fill()), id, revision));
            }
        }
        BoundedAsync.runAll(writes);
    }

    private static Map<String, Object> rewrite(Map<String, Object> attributes, ResourceTypeUpdate update) {
        Map<String, Object> rewritten = new java.util.LinkedHashMap<>(attributes);
        update.removed().forEach(rewritten::remove);
        update.added().forEach(addition -> rewritten.put(addition.attribute().name(), addition.fill()));
        return rewritten;
    }

    private CompletionStage<AsyncResultSet> writeHistory(Resource past) {
        return insertHistory.executeAsync(past.id(), past.revision(), past.type(), past.originalResourceId(),
            past.creator(), past.userId(), past.projectId(), past.startedAt(), past.endedAt(), past.revisionStart(),
            AttributeCodec.encodeAll(past.attributes()));
    }

    private static <T> T await(CompletionStage<T> stage) {
        return PagedScan.await(stage);
    }

    private static AlreadyExistsException alreadyExists(UUID id) {
        return new AlreadyExistsException("Resource " + id + " already exists");
    }

    private static NoSuchEntityException noSuchResource(UUID id) {
        return new NoSuchEntityException("Resource " + id + " does not exist");
    }
}

package org.polenta.storage.cassandra.index;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * Metrics in the metrics table. find() asks Cassandra for the single most selective equality it can answer
 * (the primary key, else one SAI index) and checks the other equalities in Java: SAI can intersect indexes,
 * but the most selective one alone already returns few rows and keeps the query plan predictable.
 */
public final class CassandraMetricRepository implements MetricRepository {

    /** Filterable fields, most selective first; each but "id" has an SAI index and a query named after it. */
    private static final Map<String, String> QUERY_BY_FIELD = new LinkedHashMap<>();

    static {
        QUERY_BY_FIELD.put("id", "select");
        QUERY_BY_FIELD.put("resource_id", "byResourceId");
        QUERY_BY_FIELD.put("name", "byName");
        QUERY_BY_FIELD.put("creator", "byCreator");
        QUERY_BY_FIELD.put("archive_policy_name", "byArchivePolicyName");
        QUERY_BY_FIELD.put("unit", "byUnit");
        QUERY_BY_FIELD.put("status", "byStatus");
    }

    private final PreparedQuery insert;
    private final PreparedQuery select;
    private final PreparedQuery insertNew;
    private final PreparedQuery selectSeveral;
    private final PreparedQuery markDeleted;
    private final PreparedQuery attach;
    private final Map<String, PreparedQuery> byField = new LinkedHashMap<>();

    public CassandraMetricRepository(Cql cql) {
        Cql.Queries queries = cql.queries("metrics.cql");
        insert = queries.get("insert");
        select = queries.get("select");
        insertNew = queries.get("insertNew");
        selectSeveral = queries.get("selectSeveral");
        markDeleted = queries.get("markDeleted");
        attach = queries.get("attach");
        QUERY_BY_FIELD.forEach((field, query) -> byField.put(field, queries.get(query)));
    }

    @Override
    public void create(Metric metric) {
        // An unknown outcome is resolved by a serial read: ids are random, so a row equal to ours is ours.
        boolean applied = insert.executeConditional(metric.id(), metric.archivePolicyName(), metric.creator(),
                metric.name(), metric.unit(), metric.resourceId(), metric.status())
            .map(ResultSet::wasApplied)
            .orElseGet(() -> Optional.ofNullable(select.executeSerial(metric.id()).one())
                .map(CassandraMetricRepository::toMetric).filter(metric::equals).isPresent());
        if (!applied) {
            throw new AlreadyExistsException("Metric " + metric.id() + " already exists");
        }
    }

    /**
     * A plain write: the id is random and unknown to anyone else until this returns, so no row can be there to
     * overwrite, and no conditional update (delete, attach) of this row can run before it; later lightweight
     * transactions on the row then see it, as they see any earlier write.
     */
    @Override
    public void createWithRandomId(Metric metric) {
        if (metric.id().version() != 4) {
            create(metric);
            return;
        }
        insertNew.execute(metric.id(), metric.archivePolicyName(), metric.creator(), metric.name(), metric.unit(),
            metric.resourceId(), metric.status());
    }

    @Override
    public Optional<Metric> get(UUID id) {
        return Optional.ofNullable(select.execute(id).one()).map(CassandraMetricRepository::toMetric)
            .filter(Metric::isActive);
    }

    /** IN_LIMIT ids per request, a bounded number of requests in flight. */
    @Override
    public List<Metric> get(List<UUID> ids) {
        List<Supplier<CompletionStage<AsyncResultSet>>> reads = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_LIMIT) {
            List<UUID> some = List.copyOf(ids.subList(from, Math.min(ids.size(), from + IN_LIMIT)));
            reads.add(() -> selectSeveral.executeAsync(some));
        }
        List<Metric> metrics = new ArrayList<>();
        for (AsyncResultSet read : BoundedAsync.runAll(reads)) {
            List<Metric> found = new ArrayList<>();
            collectActive(read, found).toCompletableFuture().join();
            metrics.addAll(found);
        }
        return metrics;
    }

    /**
     * The ids a few at a time, IN_LIMIT per request, every request at once and without a thread waiting: an
     * aggregates request's ten metrics are one request instead of ten. More than the in-flight bound allows are
     * read as get() reads them.
     */
    @Override
    public CompletableFuture<List<Metric>> getAsync(List<UUID> ids) {
        if (ids.size() > BoundedAsync.DEFAULT_MAX_IN_FLIGHT * IN_LIMIT) {
            return CompletableFuture.completedFuture(get(ids));
        }
        List<CompletableFuture<List<Metric>>> reads = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_LIMIT) {
            List<UUID> some = List.copyOf(ids.subList(from, Math.min(ids.size(), from + IN_LIMIT)));
            List<Metric> found = new ArrayList<>(some.size());
            reads.add(selectSeveral.executeAsync(some).thenCompose(page -> collectActive(page, found))
                .thenApply(done -> found).toCompletableFuture());
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Metric> metrics = new ArrayList<>(ids.size());
            reads.forEach(read -> metrics.addAll(read.join()));
            return metrics;
        });
    }

    /** At most this many ids in one IN: Cassandra's coordinator holds the whole answer of one request. */
    static final int IN_LIMIT = 32;

    private static CompletionStage<Void> collectActive(AsyncResultSet page, List<Metric> found) {
        for (Row row : page.currentPage()) {
            Metric metric = toMetric(row);
            if (metric.isActive()) {
                found.add(metric);
            }
        }
        return page.hasMorePages() ? page.fetchNextPage().thenCompose(next -> collectActive(next, found))
            : CompletableFuture.completedFuture(null);
    }

    @Override
    public List<Metric> find(Map<String, String> equalities) {
        for (String field : equalities.keySet()) {
            if (!QUERY_BY_FIELD.containsKey(field)) {
                throw new InvalidInputException("Unknown metric attribute " + field);
            }
        }
        Map<String, String> wanted = new LinkedHashMap<>(equalities);
        wanted.putIfAbsent("status", Metric.ACTIVE);
        List<Metric> found = new ArrayList<>();
        for (String uuidField : List.of("id", "resource_id")) {
            String text = wanted.get(uuidField);
            if (text != null) {
                UUID uuid = parseUuid(text);
                if (uuid == null) {
                    return found;
                }
                wanted.put(uuidField, uuid.toString());
            }
        }
        String driving = QUERY_BY_FIELD.keySet().stream()
            .filter(field -> wanted.get(field) != null)
            .findFirst().orElse(null);
        if (driving == null) {
            return found;
        }
        Object key = driving.equals("id") || driving.equals("resource_id")
            ? UUID.fromString(wanted.get(driving)) : wanted.get(driving);
        for (Row row : byField.get(driving).execute(key)) {
            Metric metric = toMetric(row);
            if (matches(metric, wanted)) {
                found.add(metric);
            }
        }
        return found;
    }

    @Override
    public void delete(UUID id) {
        boolean deleted = markDeleted.executeConditional(id).map(ResultSet::wasApplied)
            .orElseGet(() -> Optional.ofNullable(select.executeSerial(id).one())
                .map(CassandraMetricRepository::toMetric).filter(m -> !m.isActive()).isPresent());
        if (!deleted) {
            throw new NoSuchEntityException("Metric " + id + " does not exist");
        }
    }

    @Override
    public void attach(UUID id, UUID resourceId, String name) {
        boolean attached = attach.executeConditional(resourceId, name, id).map(ResultSet::wasApplied)
            .orElseGet(() -> Optional.ofNullable(select.executeSerial(id).one())
                .map(CassandraMetricRepository::toMetric)
                .filter(m -> m.isActive() && resourceId.equals(m.resourceId()) && name.equals(m.name()))
                .isPresent());
        if (!attached) {
            throw new NoSuchEntityException("Metric " + id + " does not exist");
        }
    }

    private static boolean matches(Metric metric, Map<String, String> wanted) {
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!Objects.equals(metric.field(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }


    private static UUID parseUuid(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            // UUID.fromString accepts abbreviated forms; only the canonical text can equal a stored id.
            return uuid.toString().equalsIgnoreCase(text) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Metric toMetric(Row row) {
        return new Metric(row.getUuid("id"), row.getString("archive_policy_name"), row.getString("creator"),
            row.getString("name"), row.getString("unit"), row.getUuid("resource_id"), row.getString("status"));
    }
}

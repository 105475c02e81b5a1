package org.polenta.core.metric;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Where metrics are indexed. Implementations are thread-safe. */
public interface MetricRepository {

    /** @throws org.polenta.core.errors.AlreadyExistsException "Metric ID already exists" */
    void create(Metric metric);

    /**
     * {@link #create} of a metric whose id was just drawn at random (a version 4 UUID, 122 random bits), which no
     * other writer can know before this returns. A store may then skip the check that the id is free: in Cassandra
     * that check is a lightweight transaction, four times the commit-log syncs of a plain write. By default, create.
     */
    default void createWithRandomId(Metric metric) {
        create(metric);
    }

    /** An active metric; deleted ones are not returned. */
    Optional<Metric> get(UUID id);

    /** Several at once (missing or deleted ids are left out). */
    List<Metric> get(List<UUID> ids);

    /**
     * {@link #get(List)} without waiting: a request can start its other reads while the metrics are read. The
     * default reads before it returns.
     */
    default CompletableFuture<List<Metric>> getAsync(List<UUID> ids) {
        return CompletableFuture.completedFuture(get(ids));
    }

    /**
     * Metrics whose fields equal every given value. Keys are Metric's field names as Gnocchi names them:
     * id, name, unit, archive_policy_name, creator, resource_id, status. An absent "status" means "active".
     * Order is unspecified: sorting and paging are the caller's (core's Pagination).
     */
    List<Metric> find(Map<String, String> equalities);

    /** Marks the metric deleted; its points expire by TTL. @throws org.polenta.core.errors.NoSuchEntityException */
    void delete(UUID id);

    /**
     * Attaches an active metric to a resource under a name, or detaches it (resourceId null, name kept), as
     * Gnocchi's indexer does when a resource's metrics are set. Added for the resource API; the default refuses.
     *
     * @throws org.polenta.core.errors.NoSuchEntityException "Metric {id} does not exist" when it is not active
     */
    default void attach(UUID id, UUID resourceId, String name) {
        throw new UnsupportedOperationException("attach");
    }
}

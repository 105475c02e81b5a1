package org.polenta.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;

/** A MetricRepository in a map, for tests; behaves like the Cassandra one (same contract suite). */
public final class InMemoryMetricRepository implements MetricRepository {

    private static final Set<String> FIELDS =
        Set.of("id", "name", "unit", "archive_policy_name", "creator", "resource_id", "status");

    private final Map<UUID, Metric> metrics = new ConcurrentHashMap<>();

    @Override
    public void create(Metric metric) {
        if (metrics.putIfAbsent(metric.id(), metric) != null) {
            throw new AlreadyExistsException("Metric " + metric.id() + " already exists");
        }
    }

    @Override
    public Optional<Metric> get(UUID id) {
        return Optional.ofNullable(metrics.get(id)).filter(Metric::isActive);
    }

    @Override
    public List<Metric> get(List<UUID> ids) {
        List<Metric> found = new ArrayList<>();
        for (UUID id : ids) {
            get(id).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public List<Metric> find(Map<String, String> equalities) {
        for (String field : equalities.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidInputException("Unknown metric attribute " + field);
            }
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        equalities.forEach((field, value) -> wanted.put(field, canonical(field, value)));
        wanted.putIfAbsent("status", Metric.ACTIVE);
        List<Metric> found = new ArrayList<>();
        for (Metric metric : metrics.values()) {
            if (wanted.entrySet().stream().allMatch(e -> Objects.equals(metric.field(e.getKey()), e.getValue()))) {
                found.add(metric);
            }
        }
        return found;
    }

    @Override
    public synchronized void delete(UUID id) {
        Metric metric = metrics.get(id);
        if (metric == null || !metric.isActive()) {
            throw new NoSuchEntityException("Metric " + id + " does not exist");
        }
        metrics.put(id, new Metric(metric.id(), metric.archivePolicyName(), metric.creator(), metric.name(),
            metric.unit(), metric.resourceId(), Metric.DELETED));
    }

    @Override
    public synchronized void attach(UUID id, UUID resourceId, String name) {
        Metric metric = metrics.get(id);
        if (metric == null || !metric.isActive()) {
            throw new NoSuchEntityException("Metric " + id + " does not exist");
        }
        metrics.put(id, new Metric(metric.id(), metric.archivePolicyName(), metric.creator(), name,
            metric.unit(), resourceId, metric.status()));
    }

    /** Ids compare as UUIDs, like the Cassandra columns: any letter case matches, malformed text matches nothing. */
    private static String canonical(String field, String value) {
        if (value == null || !(field.equals("id") || field.equals("resource_id"))) {
            return value;
        }
        try {
            UUID uuid = UUID.fromString(value);
            return uuid.toString().equalsIgnoreCase(value) ? uuid.toString() : "malformed:" + value;
        } catch (IllegalArgumentException e) {
            return "malformed:" + value;
        }
    }

}

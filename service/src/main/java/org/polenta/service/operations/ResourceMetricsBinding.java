package org.polenta.service.operations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.service.errors.ApiException;

/**
 * Turns requested named metrics into metric ids for a resource, as Gnocchi's _set_metrics_for_resource: an
 * existing metric must be active and have the resource's creator, a new one needs an existing archive policy.
 * Everything is checked before anything is written; {@link #apply} then writes the metric rows.
 */
public final class ResourceMetricsBinding {

    /** What binding the metrics will write: the resource's new name to id map and the metric rows. */
    public record Plan(Map<String, UUID> ids, List<Metric> toCreate, Map<UUID, String> toAttach) {
    }

    private final MetricRepository metrics;
    private final ArchivePolicyRepository policies;

    public ResourceMetricsBinding(MetricRepository metrics, ArchivePolicyRepository policies) {
        this.metrics = metrics;
        this.policies = policies;
    }

    /** @throws ApiException 400 "Metric X does not exist", "Archive policy X does not exist" */
    public Plan plan(List<MetricDefinitions.Requested> requested, String creator, UUID resourceId) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<Metric> toCreate = new ArrayList<>();
        Map<UUID, String> toAttach = new LinkedHashMap<>();
        for (MetricDefinitions.Requested r : requested) {
            if (r.isNew()) {
                if (policies.get(r.archivePolicyName()).isEmpty()) {
                    throw ApiException.badRequest("Archive policy " + r.archivePolicyName() + " does not exist");
                }
                Metric metric = new Metric(UUID.randomUUID(), r.archivePolicyName(), creator, r.name(), r.unit(),
                        resourceId, Metric.ACTIVE);
                toCreate.add(metric);
                ids.put(r.name(), metric.id());
            } else {
                Metric existing = metrics.get(r.existingId()).filter(m -> Objects.equals(m.creator(), creator))
                        .orElseThrow(() -> ApiException.badRequest("Metric " + r.existingId() + " does not exist"));
                toAttach.put(existing.id(), r.name());
                ids.put(r.name(), existing.id());
            }
        }
        return new Plan(ids, toCreate, toAttach);
    }

    /** Writes the plan's metric rows and detaches {@code detached} (kept active, as Gnocchi does). */
    public void apply(Plan plan, UUID resourceId, Collection<UUID> detached) {
        for (UUID id : detached) {
            if (!plan.toAttach().containsKey(id)) {
                metrics.get(id).ifPresent(m -> attachQuietly(id, null, m.name()));
            }
        }
        plan.toCreate().forEach(metrics::createWithRandomId);
        plan.toAttach().forEach((id, name) -> attachQuietly(id, resourceId, name));
    }

    /** Marks the resource's metrics deleted, as Gnocchi does when it deletes the resource. */
    public void deleteMetricsOf(UUID resourceId, Collection<UUID> known) {
        java.util.Set<UUID> ids = new java.util.LinkedHashSet<>(known);
        metrics.find(Map.of("resource_id", resourceId.toString())).forEach(m -> ids.add(m.id()));
        for (UUID id : ids) {
            try {
                metrics.delete(id);
            } catch (NoSuchEntityException alreadyGone) {
                // deleted meanwhile: nothing left to do
            }
        }
    }

    private void attachQuietly(UUID id, UUID resourceId, String name) {
        try {
            metrics.attach(id, resourceId, name);
        } catch (NoSuchEntityException deletedMeanwhile) {
            // the metric was deleted since it was checked; there is nothing to attach
        }
    }
}

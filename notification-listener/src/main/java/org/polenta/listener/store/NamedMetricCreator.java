package org.polenta.listener.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;

/**
 * Creates the metric rows of a resource's new named metrics, as Gnocchi's create_metrics does, before the
 * resource records them: a crash in between leaves a metric row that the next attempt finds again (its id is
 * {@link ListenerMetricIds}), never a resource naming a metric that does not exist.
 */
final class NamedMetricCreator {

    private final MetricRepository metrics;
    private final String creator;

    NamedMetricCreator(MetricRepository metrics, String creator) {
        this.metrics = metrics;
        this.creator = creator;
    }

    /** @return metric name to id of each requested metric, created or found */
    Map<String, UUID> create(UUID resourceId, Collection<ResourceRequest.NewMetric> requested) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (ResourceRequest.NewMetric wanted : requested) {
            UUID id = ListenerMetricIds.of(resourceId, wanted.name());
            if (!createIfAbsent(id, resourceId, wanted)) {
                // The listener's id exists but is deleted (through the API): the resource gets a new metric of that
                // name, as Gnocchi would create one.
                id = UUID.randomUUID();
                metrics.createWithRandomId(metric(id, resourceId, wanted));
            }
            ids.put(wanted.name(), id);
        }
        return ids;
    }

    /** @return false when the id is taken by a deleted metric */
    private boolean createIfAbsent(UUID id, UUID resourceId, ResourceRequest.NewMetric wanted) {
        try {
            metrics.create(metric(id, resourceId, wanted));
            return true;
        } catch (AlreadyExistsException e) {
            return metrics.get(id).isPresent();
        }
    }

    private Metric metric(UUID id, UUID resourceId, ResourceRequest.NewMetric wanted) {
        return new Metric(id, wanted.archivePolicy(), creator, wanted.name(), wanted.unit(), resourceId, Metric.ACTIVE);
    }
}

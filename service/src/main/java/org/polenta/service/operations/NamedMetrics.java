package org.polenta.service.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;

/** /v1/resource/{type}/{id}/metric[/{name}]: the metrics of a resource by name (Gnocchi's NamedMetricController). */
public final class NamedMetrics {

    private final ResourceOperations operations;
    private final ResourceRepository resources;
    private final MetricRepository metrics;
    private final MetricDefinitions definitions;

    public NamedMetrics(ResourceOperations operations, ResourceRepository resources, MetricRepository metrics,
                        MetricDefinitions definitions) {
        this.operations = operations;
        this.resources = resources;
        this.metrics = metrics;
        this.definitions = definitions;
    }

    public List<Metric> list(Caller caller, String type, String idText) {
        Resource resource = operations.load(caller, type, idText);
        operations.enforce(caller, "get resource", resource);
        return of(resource.id());
    }

    /** POST: adds metrics in place (no new revision); the resource's metrics after it. */
    public List<Metric> add(Caller caller, String type, String idText, java.util.function.Supplier<Object> body) {
        Resource resource = operations.load(caller, type, idText);
        operations.enforce(caller, "update resource", resource);
        List<MetricDefinitions.Requested> requested = definitions.check(caller, body.get(), List.of());
        operations.addMetrics(resource, requested);
        return of(resource.id());
    }

    /** The metric {@code name} of the resource; Gnocchi looks it up by resource id whatever the type. */
    public Metric require(Caller caller, String type, String idText, String name) {
        UUID id = ResourceOperations.idOf(caller, idText);
        List<Metric> found = metrics.find(Map.of("name", name, "resource_id", id.toString()));
        if (!found.isEmpty()) {
            return found.get(0);
        }
        if (resources.get(type, id).isPresent()) {
            throw ApiException.notFound("Metric " + name + " does not exist");
        }
        throw ResourceOperations.noSuchResource(id.toString());
    }

    /** A metric as a policy target, with its resource as Gnocchi's detailed metric has it. */
    public Map<String, Object> target(Metric metric) {
        Map<String, Object> target = new LinkedHashMap<>(MetricTargets.of(metric));
        resourceOf(metric).ifPresent(r -> target.put("resource", ResourceTargets.of(r)));
        return target;
    }

    public java.util.Optional<Resource> resourceOf(Metric metric) {
        return metric.resourceId() == null ? java.util.Optional.empty()
                : resources.get(ResourceType.GENERIC_NAME, metric.resourceId());
    }

    private List<Metric> of(UUID resourceId) {
        return metrics.find(Map.of("resource_id", resourceId.toString())).stream()
                .sorted(java.util.Comparator.comparing(m -> m.id().toString())).toList();
    }
}

package org.polenta.service.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceBody;
import org.polenta.core.resource.ResourceBodyParser;
import org.polenta.core.resource.ResourceChanges;
import org.polenta.core.resource.ResourceIds;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.ResourceRevisionConflictException;
import org.polenta.core.resource.type.AttributeSchema;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;

/**
 * /v1/resource/{type}[/{id}] as Gnocchi's ResourcesController and ResourceController run them: checks in
 * Gnocchi's order (type, body, policy), metrics attached by name, and updates that retry on a concurrent
 * change instead of losing it.
 */
public final class ResourceOperations {

    /** Bounded so that a pathological hot resource answers an error instead of spinning forever. */
    private static final int MAX_ATTEMPTS = 100;

    private final ResourceRepository resources;
    private final ResourceTypeOperations types;
    private final MetricRepository metrics;
    private final MetricDefinitions definitions;
    private final ResourceMetricsBinding binding;
    private final PolicyEnforcer enforcer;
    private final Clock clock;

    public ResourceOperations(ResourceRepository resources, ResourceTypeOperations types, MetricRepository metrics,
                              MetricDefinitions definitions, ResourceMetricsBinding binding, PolicyEnforcer enforcer,
                              Clock clock) {
        this.resources = resources;
        this.types = types;
        this.metrics = metrics;
        this.definitions = definitions;
        this.binding = binding;
        this.enforcer = enforcer;
        this.clock = clock;
    }

    public Resource create(Caller caller, String typeName, Object body) {
        ResourceType type = types.require(typeName);
        type.state().requireActive(typeName);
        List<MetricDefinitions.Requested> requested = null;
        if (body instanceof Map<?, ?> map && map.get("metrics") instanceof Map<?, ?> raw) {
            // Gnocchi aborts inside the metrics schema, before the rest of the body is judged.
            requested = definitions.check(caller, raw, List.of("metrics"));
        }
        ResourceBody parsed = ResourceBodyParser.parseCreate(body, type, caller.creator());
        long now = now();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (AttributeSchema attribute : type.attributes()) {
            attributes.put(attribute.name(), parsed.get(attribute.name()));
        }
        Resource draft = new Resource(parsed.id(), parsed.originalResourceId(), typeName, caller.creator(),
                (String) parsed.get("user_id"), (String) parsed.get("project_id"),
                parsed.has("started_at") ? (Long) parsed.get("started_at") : now, (Long) parsed.get("ended_at"),
                1, now, null, Map.of(), attributes);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("resource_type", typeName);
        target.putAll(ResourceTargets.of(draft));
        enforcer.enforce("create resource", target, caller);
        ResourceMetricsBinding.Plan plan = binding.plan(requested == null ? List.of() : requested,
                caller.creator(), draft.id());
        Resource resource = draft.withMetrics(plan.ids());
        resources.create(resource);
        binding.apply(plan, resource.id(), List.of());
        return resource;
    }

    /** The resource a URL names, 404 when unknown; no policy check. */
    public Resource load(Caller caller, String typeName, String idText) {
        types.require(typeName);
        UUID id = idOf(caller, idText);
        return resources.get(typeName, id).orElseThrow(() -> noSuchResource(id.toString()));
    }

    /** The id a URL names (Gnocchi's ResourceUUID); 404 when it cannot be one. */
    public static UUID idOf(Caller caller, String idText) {
        try {
            return ResourceIds.transform(idText, caller.creator());
        } catch (IllegalArgumentException e) {
            throw noSuchResource(idText);
        }
    }

    public static ApiException noSuchResource(String id) {
        return ApiException.notFound("Resource " + id + " does not exist");
    }

    public void enforce(Caller caller, String rule, Resource resource) {
        enforcer.enforce(rule, ResourceTargets.of(resource), caller);
    }

    /**
     * Applies a checked PATCH body: nothing, metrics only (in place) or a new revision, as Gnocchi decides.
     *
     * @param current the version the preconditions were checked against
     */
    public Resource patch(Caller caller, Resource current, Object body) {
        ResourceType type = types.require(current.type());
        List<MetricDefinitions.Requested> requested = null;
        if (body instanceof Map<?, ?> map && map.get("metrics") instanceof Map<?, ?> raw) {
            requested = definitions.check(caller, raw, List.of("metrics"));
        }
        ResourceBody patch = ResourceBodyParser.parsePatch(body, type);
        if (patch.fields().isEmpty() || ResourceChanges.outcome(current, patch) == ResourceChanges.Outcome.NOTHING) {
            return current;
        }
        ResourceMetricsBinding.Plan plan = requested == null ? null
                : binding.plan(requested, current.creator(), current.id());
        Resource base = current;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ResourceChanges.Outcome outcome = ResourceChanges.outcome(base, patch);
            if (outcome == ResourceChanges.Outcome.NOTHING) {
                return base;
            }
            boolean newRevision = outcome == ResourceChanges.Outcome.NEW_REVISION;
            Resource next = newRevision ? ResourceChanges.apply(base, patch, now()) : base;
            if (plan != null) {
                next = next.withMetrics(plan.ids());
            }
            try {
                Resource stored = resources.update(base, next, newRevision);
                if (plan != null) {
                    binding.apply(plan, stored.id(), base.metrics().values());
                }
                return stored;
            } catch (ResourceRevisionConflictException e) {
                base = reload(base);
            } catch (NoSuchEntityException e) {
                throw noSuchResource(base.id().toString());
            }
        }
        throw new ApiException(409, "Resource " + current.id() + " is being updated concurrently, try again");
    }

    /**
     * Adds named metrics to a resource in place (POST .../metric, batch measures with create_metrics).
     *
     * @throws ApiException 409 "Named metric X already exists" when the resource has one of the names
     */
    public Resource addMetrics(Resource current, List<MetricDefinitions.Requested> requested) {
        Resource base = current;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            for (MetricDefinitions.Requested r : requested) {
                if (base.metrics().containsKey(r.name())) {
                    throw new ApiException(409, "Named metric " + r.name() + " already exists");
                }
            }
            ResourceMetricsBinding.Plan plan = binding.plan(requested, base.creator(), base.id());
            Map<String, UUID> ids = new LinkedHashMap<>(base.metrics());
            ids.putAll(plan.ids());
            try {
                Resource stored = resources.update(base, base.withMetrics(ids), false);
                binding.apply(plan, stored.id(), List.of());
                return stored;
            } catch (ResourceRevisionConflictException e) {
                base = reload(base);
            } catch (NoSuchEntityException e) {
                throw noSuchResource(base.id().toString());
            }
        }
        throw new ApiException(409, "Resource " + current.id() + " is being updated concurrently, try again");
    }

    /** Records, on the resource, a metric created or deleted through /v1/metric. */
    public void metricChanged(Metric metric, boolean attached) {
        if (metric.resourceId() == null) {
            return;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Resource base = resources.get(ResourceType.GENERIC_NAME, metric.resourceId()).orElse(null);
            if (base == null) {
                return;
            }
            Map<String, UUID> ids = new LinkedHashMap<>(base.metrics());
            if (attached) {
                ids.put(metric.name(), metric.id());
            } else if (!ids.values().remove(metric.id())) {
                return;
            }
            try {
                resources.update(base, base.withMetrics(ids), false);
                return;
            } catch (ResourceRevisionConflictException e) {
                // re-read and apply again
            } catch (NoSuchEntityException e) {
                return;
            }
        }
    }

    public void delete(Resource resource) {
        try {
            resources.delete(resource.id());
        } catch (NoSuchEntityException e) {
            throw noSuchResource(resource.id().toString());
        }
        binding.deleteMetricsOf(resource.id(), resource.metrics().values());
    }

    /** The history of a resource, oldest first. */
    public List<Resource> history(UUID id) {
        return resources.history(id);
    }

    private Resource reload(Resource stale) {
        return resources.get(ResourceType.GENERIC_NAME, stale.id())
                .orElseThrow(() -> noSuchResource(stale.id().toString()));
    }

    private long now() {
        Instant instant = clock.instant();
        // Gnocchi's timestamps have microseconds.
        return instant.getEpochSecond() * 1_000_000_000L + (instant.getNano() / 1_000) * 1_000L;
    }
}

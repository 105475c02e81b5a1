package org.polenta.service.operations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.MeasuresParser;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceIds;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.validation.SchemaViolation;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;
import org.polenta.service.processing.ProcessingHints;
import org.polenta.service.validation.Voluptuous;

/**
 * POST /v1/batch/resources/metrics/measures: {resource id: {metric name: measures | {archive_policy_name, unit,
 * measures}}}, with create_metrics creating the missing named metrics, as Gnocchi's
 * ResourcesMetricsMeasuresBatchController; all accepted, durably, or none.
 */
public final class ResourceMeasuresBatch {

    private record Entry(String originalId, UUID resourceId, Map<String, Map<String, Object>> byName,
                         Map<String, List<Measure>> measures) {
    }

    private final ResourceRepository resources;
    private final MetricRepository metrics;
    private final ResourceOperations operations;
    private final MetricDefinitions definitions;
    private final IncomingMeasures incoming;
    private final ProcessingHints hints;
    private final PolicyEnforcer enforcer;

    public ResourceMeasuresBatch(ResourceRepository resources, MetricRepository metrics, ResourceOperations operations,
                                 MetricDefinitions definitions, IncomingMeasures incoming, ProcessingHints hints,
                                 PolicyEnforcer enforcer) {
        this.resources = resources;
        this.metrics = metrics;
        this.operations = operations;
        this.definitions = definitions;
        this.incoming = incoming;
        this.hints = hints;
        this.enforcer = enforcer;
    }

    public void add(Caller caller, Object body, boolean createMetrics) {
        List<Entry> entries = parse(caller, body);
        List<Metric> known = new ArrayList<>();
        List<String> unknownMetrics = new ArrayList<>();
        List<Map<String, Object>> unknownResources = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.byName().isEmpty()) {
                continue;
            }
            Map<String, Metric> existing = new LinkedHashMap<>();
            metrics.find(Map.of("resource_id", entry.resourceId().toString())).forEach(m -> existing.put(m.name(), m));
            List<String> missing = entry.byName().keySet().stream().filter(n -> !existing.containsKey(n)).toList();
            if (createMetrics && !missing.isEmpty()) {
                Map<String, Object> wanted = new LinkedHashMap<>();
                for (String name : missing) {
                    Map<String, Object> definition = new LinkedHashMap<>();
                    for (String attr : List.of("archive_policy_name", "unit")) {
                        if (entry.byName().get(name).containsKey(attr)) {
                            definition.put(attr, entry.byName().get(name).get(attr));
                        }
                    }
                    wanted.put(name, definition);
                }
                List<MetricDefinitions.Requested> requested = definitions.check(caller, wanted, List.of());
                Resource resource = resources.get(ResourceType.GENERIC_NAME, entry.resourceId()).orElse(null);
                if (resource == null) {
                    Map<String, Object> unknown = new LinkedHashMap<>();
                    unknown.put("resource_id", entry.resourceId().toString());
                    unknown.put("original_resource_id", entry.originalId());
                    unknownResources.add(unknown);
                    continue;
                }
                // Adding metrics changes the resource, so it takes "update resource", as POST
                // /v1/resource/{type}/{id}/metric does. Gnocchi 4.4 skips this check here: any caller could hang
                // a metric of its own (and so its measures) on another project's resource.
                enforcer.enforce("update resource", ResourceTargets.of(resource), caller);
                try {
                    operations.addMetrics(resource, requested);
                } catch (ApiException e) {
                    if (e.status() != 409) {
                        throw e;
                    }
                    // created meanwhile by someone else: found below
                }
                metrics.find(Map.of("resource_id", entry.resourceId().toString())).forEach(m -> existing.put(m.name(), m));
            } else if (!missing.isEmpty()) {
                missing.forEach(n -> unknownMetrics.add(entry.resourceId() + "/" + n));
            }
            for (String name : entry.byName().keySet()) {
                Metric m = existing.get(name);
                if (m != null) {
                    known.add(m);
                }
            }
        }
        if (!unknownResources.isEmpty()) {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("cause", "Unknown resources");
            description.put("detail", unknownResources);
            throw ApiException.badRequest(description);
        }
        if (!unknownMetrics.isEmpty()) {
            throw ApiException.badRequest("Unknown metrics: " + String.join(", ", new TreeSet<>(unknownMetrics)));
        }
        for (Metric m : known) {
            enforcer.enforce("post measures", MetricTargets.of(m), caller);
        }
        Map<UUID, List<Measure>> byMetric = new LinkedHashMap<>();
        for (Entry entry : entries) {
            for (Metric m : known) {
                if (entry.resourceId().equals(m.resourceId()) && entry.measures().containsKey(m.name())
                        && !entry.measures().get(m.name()).isEmpty()) {
                    byMetric.put(m.id(), entry.measures().get(m.name()));
                }
            }
        }
        if (!byMetric.isEmpty()) {
            incoming.add(byMetric);
            byMetric.keySet().forEach(id -> hints.accepted(incoming.sackOf(id)));
        }
    }

    private static List<Entry> parse(Caller caller, Object body) {
        if (!(body instanceof Map<?, ?> byResource)) {
            throw Voluptuous.fail("expected a dictionary", List.of());
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : byResource.entrySet()) {
            String original = String.valueOf(e.getKey());
            UUID id;
            try {
                id = ResourceIds.transform(original, caller.creator());
            } catch (IllegalArgumentException invalid) {
                throw Voluptuous.fail("extra keys not allowed", List.of(original));
            }
            if (!(e.getValue() instanceof Map<?, ?> byName)) {
                throw Voluptuous.valueFail("expected a dictionary", List.of(original));
            }
            Map<String, Map<String, Object>> definitions = new LinkedHashMap<>();
            Map<String, List<Measure>> measures = new LinkedHashMap<>();
            for (Map.Entry<?, ?> m : byName.entrySet()) {
                String name = String.valueOf(m.getKey());
                List<Object> path = List.of(original, name);
                Map<String, Object> definition = new LinkedHashMap<>();
                Object list = m.getValue();
                if (m.getValue() instanceof Map<?, ?> newFormat) {
                    for (Map.Entry<?, ?> d : newFormat.entrySet()) {
                        String key = String.valueOf(d.getKey());
                        List<Object> keyPath = SchemaViolation.append(path, key);
                        switch (key) {
                            case "archive_policy_name", "unit" -> Voluptuous.STRING.check(d.getValue(), keyPath);
                            case "measures" -> { }
                            default -> throw Voluptuous.fail("extra keys not allowed", keyPath);
                        }
                        definition.put(key, d.getValue());
                    }
                    if (!newFormat.containsKey("measures")) {
                        throw Voluptuous.fail("required key not provided", SchemaViolation.append(path, "measures"));
                    }
                    list = newFormat.get("measures");
                }
                measures.put(name, MeasuresParser.parse(list, path, Clock.systemUTC()));
                definitions.put(name, definition);
            }
            entries.add(new Entry(original, id, definitions, measures));
        }
        return entries;
    }
}

package org.polenta.service.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.archive.ArchivePolicyRules;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;
import org.polenta.service.validation.BodySchemas;
import org.polenta.service.validation.Voluptuous;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceIds;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.type.ResourceType;

/**
 * POST /v1/metric as Gnocchi's MetricSchema + create_metric: shape, the "/" rule, the archive policy (given,
 * or chosen by the first matching rule), the policy check, then the creation.
 */
public final class MetricCreation {

    private final MetricRepository metrics;
    private final ArchivePolicyRepository policies;
    private final ArchivePolicyRuleRepository rules;
    private final PolicyEnforcer enforcer;
    private final ResourceRepository resources;
    private final ResourceOperations resourceOperations;

    public MetricCreation(MetricRepository metrics, ArchivePolicyRepository policies, ArchivePolicyRuleRepository rules,
                          PolicyEnforcer enforcer, ResourceRepository resources, ResourceOperations resourceOperations) {
        this.metrics = metrics;
        this.policies = policies;
        this.rules = rules;
        this.enforcer = enforcer;
        this.resources = resources;
        this.resourceOperations = resourceOperations;
    }

    public Metric create(Caller caller, Object body) {
        Map<String, Object> def = BodySchemas.metricCreate(body);
        String name = (String) def.get("name");
        String unit = (String) def.get("unit");
        String policyName = (String) def.get("archive_policy_name");
        if (name != null && name.contains("/")) {
            throw ApiException.badRequest("'/' is not supported in metric name");
        }
        if (policyName == null) {
            policyName = ArchivePolicyRules.match(rules.list(), name == null ? "" : name)
                    .map(r -> r.archivePolicyName())
                    .orElseThrow(() -> ApiException.badRequest("No archive policy name specified and no archive "
                            + "policy rule found matching the metric name " + (name == null ? "None" : name)));
        }
        String originalResourceId = (String) def.get("resource_id");
        Resource resource = null;
        if (originalResourceId != null) {
            resource = resourceOf(caller, name, originalResourceId);
            enforcer.enforce("update resource", ResourceTargets.of(resource), caller);
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("creator", caller.creator());
        target.put("archive_policy_name", policyName);
        target.put("resource_id", resource == null ? null : resource.id().toString());
        target.put("original_resource_id", originalResourceId);
        target.put("name", name);
        target.put("unit", unit);
        enforcer.enforce("create metric", target, caller);
        String chosen = policyName;
        if (policies.get(chosen).isEmpty()) {
            throw ApiException.badRequest("Archive policy " + chosen + " does not exist");
        }
        UUID resourceId = resource == null ? null : resource.id();
        if (resource != null && (resource.metrics().containsKey(name)
                || !metrics.find(Map.of("name", name, "resource_id", resourceId.toString())).isEmpty())) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cause", "Named metric already exists");
            d.put("detail", name);
            throw ApiException.badRequest(d);
        }
        Metric metric = new Metric(UUID.randomUUID(), chosen, caller.creator(), name, unit, resourceId, Metric.ACTIVE);
        metrics.createWithRandomId(metric);
        resourceOperations.metricChanged(metric, true);
        return metric;
    }

    /** The resource a metric is created for, with Gnocchi's answers when it cannot be. */
    private Resource resourceOf(Caller caller, String name, String originalResourceId) {
        UUID id;
        try {
            id = ResourceIds.transform(originalResourceId, caller.creator());
        } catch (IllegalArgumentException e) {
            throw Voluptuous.valueFail(e.getMessage(), java.util.List.of("resource_id"));
        }
        if (name == null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cause", "Attribute value error");
            d.put("detail", "name");
            d.put("reason", "Name cannot be null if resource_id is not null");
            throw ApiException.badRequest(d);
        }
        return resources.get(ResourceType.GENERIC_NAME, id)
                .orElseThrow(() -> ApiException.notFound("Resource " + id + " does not exist"));
    }
}

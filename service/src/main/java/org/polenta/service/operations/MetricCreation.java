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

/**
 * POST /v1/metric as Gnocchi's MetricSchema + create_metric: shape, the "/" rule, the archive policy (given,
 * or chosen by the first matching rule), the policy check, then the creation.
 */
public final class MetricCreation {

    private final MetricRepository metrics;
    private final ArchivePolicyRepository policies;
    private final ArchivePolicyRuleRepository rules;
    private final PolicyEnforcer enforcer;

    public MetricCreation(MetricRepository metrics, ArchivePolicyRepository policies, ArchivePolicyRuleRepository rules,
                          PolicyEnforcer enforcer) {
        this.metrics = metrics;
        this.policies = policies;
        this.rules = rules;
        this.enforcer = enforcer;
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
        if (def.get("resource_id") != null) {
            throw resourceUnavailable(name, (String) def.get("resource_id"));
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("creator", caller.creator());
        target.put("archive_policy_name", policyName);
        target.put("resource_id", null);
        target.put("original_resource_id", null);
        target.put("name", name);
        target.put("unit", unit);
        enforcer.enforce("create metric", target, caller);
        String chosen = policyName;
        if (policies.get(chosen).isEmpty()) {
            throw ApiException.badRequest("Archive policy " + chosen + " does not exist");
        }
        Metric metric = new Metric(UUID.randomUUID(), chosen, caller.creator(), name, unit, null, Metric.ACTIVE);
        metrics.create(metric);
        return metric;
    }

    /** Resources are not served yet, so a metric cannot be attached to one: Gnocchi's answers for that case. */
    private static ApiException resourceUnavailable(String name, String resourceId) {
        if (name == null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cause", "Attribute value error");
            d.put("detail", "name");
            d.put("reason", "Name cannot be null if resource_id is not null");
            return ApiException.badRequest(d);
        }
        return ApiException.notFound("Resource " + resourceId + " does not exist");
    }
}

package org.polenta.service.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.archive.ArchivePolicyRules;
import org.polenta.core.validation.SchemaViolation;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;
import org.polenta.service.validation.Voluptuous;

/**
 * The "metrics" of a resource body, {name: metric id | definition}, checked as Gnocchi's MetricsSchema does:
 * a definition gets its archive policy from the rules when it names none, and passes the "create metric"
 * policy; the failures that Gnocchi aborts with inside the schema come out first.
 */
public final class MetricDefinitions {

    /** One named metric of a resource: an existing metric to attach, or a new one to create. */
    public record Requested(String name, UUID existingId, String archivePolicyName, String unit) {
        public boolean isNew() {
            return existingId == null;
        }
    }

    private final ArchivePolicyRuleRepository rules;
    private final PolicyEnforcer enforcer;

    public MetricDefinitions(ArchivePolicyRuleRepository rules, PolicyEnforcer enforcer) {
        this.rules = rules;
        this.enforcer = enforcer;
    }

    /**
     * @param raw  the value of "metrics" (a map, as the resource body parser guarantees), or a bare body
     * @param path where it sits in the body, for schema failures
     */
    public List<Requested> check(Caller caller, Object raw, List<Object> path) {
        if (!(raw instanceof Map<?, ?> byName)) {
            throw Voluptuous.valueFail("expected a dictionary", path);
        }
        List<Requested> requested = new ArrayList<>();
        for (Map.Entry<?, ?> entry : byName.entrySet()) {
            String name = String.valueOf(entry.getKey());
            List<Object> at = SchemaViolation.append(path, name);
            Object value = entry.getValue();
            if (value instanceof String text && MetricLookup.parseUuid(text) != null) {
                requested.add(new Requested(name, MetricLookup.parseUuid(text), null, null));
            } else if (value instanceof Map<?, ?> definition) {
                requested.add(definition(caller, name, definition, at));
            } else {
                throw Voluptuous.valueFail("expected a dictionary", at);
            }
        }
        return requested;
    }

    private Requested definition(Caller caller, String name, Map<?, ?> definition, List<Object> at) {
        for (Map.Entry<?, ?> e : definition.entrySet()) {
            String key = String.valueOf(e.getKey());
            List<Object> keyPath = SchemaViolation.append(at, key);
            Object v = e.getValue();
            switch (key) {
                case "archive_policy_name", "name" -> Voluptuous.STRING.check(v, keyPath);
                case "unit" -> Voluptuous.stringOfAtMost(31).check(v, keyPath);
                case "resource_id" -> { }
                default -> throw Voluptuous.fail("extra keys not allowed", keyPath);
            }
        }
        if (name.contains("/")) {
            throw ApiException.badRequest("'/' is not supported in metric name");
        }
        String policyName = (String) definition.get("archive_policy_name");
        if (policyName == null) {
            policyName = ArchivePolicyRules.match(rules.list(), name).map(r -> r.archivePolicyName())
                    .orElseThrow(() -> ApiException.badRequest("No archive policy name specified and no archive "
                            + "policy rule found matching the metric name " + name));
        }
        String unit = (String) definition.get("unit");
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("creator", caller.creator());
        target.put("archive_policy_name", definition.get("archive_policy_name"));
        target.put("resource_id", null);
        target.put("original_resource_id", null);
        target.put("name", name);
        target.put("unit", unit);
        enforcer.enforce("create metric", target, caller);
        return new Requested(name, null, policyName, unit);
    }
}

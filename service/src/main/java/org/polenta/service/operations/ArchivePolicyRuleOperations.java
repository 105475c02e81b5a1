package org.polenta.service.operations;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.archive.ArchivePolicyRule;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.archive.ArchivePolicyRules;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.PublicUrls;
import org.polenta.service.validation.BodySchemas;

/** The archive policy rule endpoints in Gnocchi's order of checks (404, then 403, then body). */
public final class ArchivePolicyRuleOperations {

    private final ArchivePolicyRuleRepository rules;
    private final ArchivePolicyRepository policies;
    private final PolicyEnforcer enforcer;
    private final JsonBodies bodies;
    private final PublicUrls urls;

    public ArchivePolicyRuleOperations(ArchivePolicyRuleRepository rules, ArchivePolicyRepository policies,
                                       PolicyEnforcer enforcer, JsonBodies bodies, PublicUrls urls) {
        this.rules = rules;
        this.policies = policies;
        this.enforcer = enforcer;
        this.bodies = bodies;
        this.urls = urls;
    }

    public ArchivePolicyRule create(Caller caller, InputStream body) {
        enforcer.enforce("create archive policy rule", caller);
        Map<String, Object> def = BodySchemas.archivePolicyRuleCreate(bodies.read(body));
        enforcer.enforce("create archive policy rule", def, caller);
        ArchivePolicyRule rule = new ArchivePolicyRule((String) def.get("name"), (String) def.get("metric_pattern"),
                (String) def.get("archive_policy_name"));
        if (policies.get(rule.archivePolicyName()).isEmpty()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cause", "Archive policy does not exist");
            d.put("detail", rule.archivePolicyName());
            throw ApiException.badRequest(d);
        }
        rules.create(rule);
        return rule;
    }

    public String location(UriInfo uri, HttpHeaders headers, String name) {
        return urls.url(uri, headers, "/v1/archive_policy_rule/" + name);
    }

    public List<ArchivePolicyRule> list(Caller caller) {
        enforcer.enforce("list archive policy rule", caller);
        return ArchivePolicyRules.inMatchingOrder(rules.list());
    }

    public ArchivePolicyRule get(Caller caller, String name) {
        ArchivePolicyRule rule = require(name);
        enforcer.enforce("get archive policy rule", target(rule), caller);
        return rule;
    }

    public ArchivePolicyRule rename(Caller caller, String name, InputStream body) {
        require(name);
        Map<String, Object> def = BodySchemas.archivePolicyRuleRename(bodies.read(body));
        enforcer.enforce("update archive policy rule", caller);
        String newName = (String) def.get("name");
        try {
            return rules.rename(name, newName);
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest("Archive policy rule " + name + " does not support change: "
                    + "Archive policy rule " + newName + " already exists.");
        }
    }

    public void delete(Caller caller, String name) {
        require(name);
        enforcer.enforce("delete archive policy rule", caller);
        rules.delete(name);
    }

    private ArchivePolicyRule require(String name) {
        return rules.get(name).orElseThrow(() -> ApiException.notFound("Archive policy rule " + name + " does not exist"));
    }

    private static Map<String, Object> target(ArchivePolicyRule rule) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", rule.name());
        t.put("metric_pattern", rule.metricPattern());
        t.put("archive_policy_name", rule.archivePolicyName());
        return t;
    }
}

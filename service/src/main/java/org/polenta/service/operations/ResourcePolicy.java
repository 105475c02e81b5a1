package org.polenta.service.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polenta.core.resource.InsufficientPrivilegesException;
import org.polenta.core.resource.search.ResourceFilter;
import org.polenta.core.resource.search.ResourcePolicyFilter;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;

/**
 * Gnocchi's get_resource_policy_filter: the restriction a listing or search gets when the policy does not let
 * the caller see every resource. Basic auth knows no projects and Gnocchi does not filter its listings.
 */
public final class ResourcePolicy {

    private final PolicyEnforcer enforcer;

    public ResourcePolicy(PolicyEnforcer enforcer) {
        this.enforcer = enforcer;
    }

    /**
     * @return null when the caller sees everything
     * @throws ApiException Gnocchi's 403 "Insufficient privileges" when nothing would be visible
     */
    public ResourceFilter filter(Caller caller, String rule, String resourceType) {
        if (!caller.hasProjectScope()) {
            return null;
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("resource_type", resourceType);
        if (enforcer.allows(rule, target, caller)) {
            return null;
        }
        String project = caller.projectId();
        Map<String, Object> byProject = new LinkedHashMap<>(target);
        byProject.put("project_id", project);
        Map<String, Object> byCreator = new LinkedHashMap<>(target);
        byCreator.put("created_by_project_id", project);
        try {
            return ResourcePolicyFilter.forProject(project, enforcer.allows(rule, byProject, caller),
                    enforcer.allows(rule, byCreator, caller));
        } catch (InsufficientPrivilegesException e) {
            throw new ApiException(403, e.getMessage());
        }
    }
}

package org.polenta.core.resource.search;

import java.util.ArrayList;
import java.util.List;

import org.polenta.core.resource.InsufficientPrivilegesException;

/**
 * The restriction Gnocchi's policy puts on a non-admin's listings and searches (get_resource_policy_filter):
 * resources of their project, or created by their project, as the policy allows.
 */
public final class ResourcePolicyFilter {

    private ResourcePolicyFilter() {
    }

    /**
     * @param projectId             the caller's project (null when they have none)
     * @param byProject             whether the policy lets them see resources whose project_id is theirs
     * @param byCreatedByProject    whether it lets them see resources created by their project
     * @throws InsufficientPrivilegesException when neither is allowed (Gnocchi's 403)
     */
    public static ResourceFilter forProject(String projectId, boolean byProject, boolean byCreatedByProject) {
        List<ResourceFilter> alternatives = new ArrayList<>();
        if (byProject) {
            alternatives.add(new ResourceFilter.Comparison(ComparisonOperator.EQ, "project_id", projectId));
        }
        if (byCreatedByProject) {
            alternatives.add(projectId == null
                    ? new ResourceFilter.Comparison(ComparisonOperator.EQ, "creator", null)
                    : new ResourceFilter.Like("creator", "%:" + projectId));
        }
        if (alternatives.isEmpty()) {
            throw new InsufficientPrivilegesException();
        }
        return new ResourceFilter.Or(alternatives);
    }

    /** The client's filter under the policy, as Gnocchi combines them: {"and": [policy, filter]}. */
    public static ResourceFilter restrict(ResourceFilter policy, ResourceFilter filter) {
        if (policy == null) {
            return filter;
        }
        if (filter == null || filter instanceof ResourceFilter.Empty) {
            return policy;
        }
        return new ResourceFilter.And(List.of(policy, filter));
    }
}

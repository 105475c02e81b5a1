package org.polenta.core.resource.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.polenta.core.resource.InsufficientPrivilegesException;

class ResourcePolicyFilterTest {

    @Test
    void aProjectMemberSeesTheProjectOrWhatItCreated() {
        assertThat(FilterJson.of(ResourcePolicyFilter.forProject("p1", true, true)))
                .isEqualTo(FilterJson.canonicalize(java.util.Map.of("or", List.of(
                        java.util.Map.of("=", java.util.Map.of("project_id", "p1")),
                        java.util.Map.of("like", java.util.Map.of("creator", "%:p1"))))));
    }

    @Test
    void withoutAProjectOnlyCreatorlessResourcesQualify() {
        ResourceFilter filter = ResourcePolicyFilter.forProject(null, false, true);
        assertThat(filter).isEqualTo(new ResourceFilter.Or(List.of(
                new ResourceFilter.Comparison(ComparisonOperator.EQ, "creator", null))));
    }

    @Test
    void noAllowedAlternativeIsForbidden() {
        assertThatThrownBy(() -> ResourcePolicyFilter.forProject("p", false, false))
                .isInstanceOf(InsufficientPrivilegesException.class).hasMessage("Insufficient privileges");
    }

    @Test
    void thePolicyComesFirst() {
        ResourceFilter policy = ResourcePolicyFilter.forProject("p", true, false);
        ResourceFilter mine = new ResourceFilter.Like("user_id", "u%");
        assertThat(ResourcePolicyFilter.restrict(policy, mine)).isEqualTo(new ResourceFilter.And(List.of(policy, mine)));
        assertThat(ResourcePolicyFilter.restrict(policy, new ResourceFilter.Empty())).isEqualTo(policy);
        assertThat(ResourcePolicyFilter.restrict(null, mine)).isEqualTo(mine);
    }
}

package org.polenta.core.resource.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeState;
import org.polenta.core.resource.type.StringAttribute;
import org.polenta.core.time.Timestamps;

/** The plans of the benchmark's query shapes, and of the combinations around them. */
class ResourceQueryPlannerTest {

    private static final ResourceType INSTANCE = new ResourceType("instance", List.of(
            new StringAttribute("host", false, 0, 255), new StringAttribute("flavor_id", false, 0, 255)),
            ResourceTypeState.ACTIVE);

    private static ResourceQueryPlan plan(String filter, String projectId, String type) {
        ResourceFilter parsed = filter == null ? new ResourceFilter.Empty() : FilterStringParser.parse(filter, "admin");
        if (projectId != null) {
            parsed = ResourcePolicyFilter.restrict(ResourcePolicyFilter.forProject(projectId, true, true), parsed);
        }
        ResourceType resourceType = type.equals("generic") ? ResourceType.GENERIC : INSTANCE;
        return ResourceQueryPlanner.plan(ResourceFilterBinder.bind(parsed, resourceType, false), type, false);
    }

    @Test
    void aTenantsListingReadsItsPartitionAndWhatItsProjectCreated() {
        assertThat(plan(null, "p1", "generic").scans()).containsExactly(
                new IndexScan.ByProject("p1"), new IndexScan.Equals("created_by_project_id", "p1"));
    }

    @Test
    void typeAndNotEndedReadsTheTypeIndexAndChecksEndedAtAfterwards() {
        ResourceQueryPlan plan = plan("ended_at = null", null, "instance");
        assertThat(plan.scans()).containsExactly(new IndexScan.Equals("type", "instance"));
        assertThat(plan.residual()).isInstanceOf(BoundFilter.Comparison.class);
    }

    @Test
    void anAttributeEqualityUsesTheAttributeIndex() {
        assertThat(plan("host = 'compute-1' and ended_at = null", null, "instance").scans())
                .containsExactly(new IndexScan.Equals("attributes.host", "compute-1"));
    }

    @Test
    void anAttributeEqualityBeatsTheTenantPartition() {
        assertThat(plan("host = 'compute-1'", "p1", "instance").scans())
                .containsExactly(new IndexScan.Equals("attributes.host", "compute-1"));
    }

    @Test
    void projectPartitionsBeatAnAttributeEqualityOfUnknownSelectivity() {
        assertThat(plan("project_id in ['a', 'b'] and flavor_id = 'm1.small'", null, "instance").scans())
                .containsExactly(new IndexScan.ByProject("a"), new IndexScan.ByProject("b"));
    }

    @Test
    void aLikeWithLeadingTextOnAStringAttributeIsAPrefixScan() {
        assertThat(plan("host like 'compute%'", null, "instance").scans())
                .containsExactly(new IndexScan.Prefix("attributes.host", "compute"));
        assertThat(plan("host like 'rack\\_1_%'", null, "instance").scans())
                .containsExactly(new IndexScan.Prefix("attributes.host", "rack_1"));
        // A tenant's partition is still the better start.
        assertThat(plan("host like 'compute%'", "p1", "instance").scans())
                .containsExactly(new IndexScan.ByProject("p1"), new IndexScan.Equals("created_by_project_id", "p1"));
    }

    @Test
    void aLikeWithoutLeadingTextOrOnAStandardColumnIsAResidualOverTheType() {
        assertThat(plan("host like '%compute'", null, "instance").scans())
                .containsExactly(new IndexScan.Equals("type", "instance"));
        assertThat(plan("original_resource_id like 'r%'", null, "instance").scans())
                .containsExactly(new IndexScan.Equals("type", "instance"));
        assertThat(plan("user_id like 'u%'", null, "generic").scans()).containsExactly(new IndexScan.FullScan());
    }

    @Test
    void aLikeWithoutWildcardsIsAnEquality() {
        assertThat(plan("host like 'a\\_b'", null, "instance").scans())
                .containsExactly(new IndexScan.Equals("attributes.host", "a_b"));
    }

    @Test
    void anAdminSearchAcrossProjectsUsesTheBestPredicate() {
        assertThat(plan("user_id = 'u1' and started_at > '2020-01-01'", null, "generic").scans())
                .containsExactly(new IndexScan.Equals("user_id", "u1"));
        assertThat(plan("started_at > '2020-01-01'", null, "generic").scans()).containsExactly(
                new IndexScan.Range("started_at", Timestamps.parse("2020-01-01"), false, null, false));
    }

    @Test
    void aPagedFullScanHasNoCondition() {
        ResourceQueryPlan plan = plan(null, null, "generic");
        assertThat(plan.isFullScan()).isTrue();
        assertThat(plan.residual()).isInstanceOf(BoundFilter.MatchAll.class);
    }

    @Test
    void anOrOfIndexableTermsIsAUnionAndAnyUnindexableTermSpoilsIt() {
        assertThat(plan("user_id = 'a' or project_id = 'b'", null, "generic").scans())
                .containsExactly(new IndexScan.ByProject("b"), new IndexScan.Equals("user_id", "a"));
        assertThat(plan("user_id = 'a' or user_id != 'b'", null, "generic").scans())
                .containsExactly(new IndexScan.FullScan());
    }

    @Test
    void inIsAUnionOfEqualitiesAndAnIdIsALookup() {
        UUID id = UUID.randomUUID();
        assertThat(plan("id = " + id, "p1", "generic").scans()).containsExactly(new IndexScan.ById(id));
        assertThat(plan("user_id in ['a', 'b', 'a']", null, "generic").scans())
                .containsExactly(new IndexScan.Equals("user_id", "a"), new IndexScan.Equals("user_id", "b"));
    }

    @Test
    void negationsAndNullsAreNeverScanned() {
        assertThat(plan("not user_id = 'a'", null, "generic").isFullScan()).isTrue();
        assertThat(plan("user_id = null", null, "generic").isFullScan()).isTrue();
        assertThat(plan("created_by_user_id = 'u'", null, "generic").isFullScan()).isTrue();
    }

    @Test
    void createdByProjectEqualityUsesItsIndex() {
        assertThat(plan("created_by_project_id = 'p9'", null, "generic").scans())
                .containsExactly(new IndexScan.Equals("created_by_project_id", "p9"));
        assertThat(plan("created_by_project_id = 'p%'", null, "generic").isFullScan()).isTrue();
    }
}

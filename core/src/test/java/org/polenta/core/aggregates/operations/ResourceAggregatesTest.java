package org.polenta.core.aggregates.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.MetricAndPolicy;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.metric.Metric;

/** Matching the operations' metric names against found resources, and groupby's consecutive groups. */
class ResourceAggregatesTest {

    private static final ArchivePolicy POLICY = new ArchivePolicy("low", 0,
            List.of(new ArchivePolicyItem(300_000_000_000L, 8640L)), Set.of("mean"));

    private static MetricAndPolicy metric(String name) {
        return new MetricAndPolicy(new Metric(UUID.randomUUID(), "low", "admin", name, null, null, Metric.ACTIVE),
                POLICY);
    }

    private static ResourceAggregates.FoundResource resource(String id, String project, MetricAndPolicy... metrics) {
        return new ResourceAggregates.FoundResource(id, Map.of("id", id, "project_id", project), List.of(metrics));
    }

    @Test
    void matchesNamesAndWildcardsResourceByResource() {
        MetricAndPolicy cpu = metric("cpu.util");
        MetricAndPolicy disk = metric("disk.read");
        MetricAndPolicy cpu2 = metric("cpu");
        List<AggregatesReference> refs = ResourceAggregates.references(
                List.of(resource("r1", "p1", disk, cpu), resource("r2", "p1", cpu2)),
                List.of(new MetricRef("cpu*", "mean"), new MetricRef("disk.read", "mean")));

        assertThat(refs).extracting(AggregatesReference::resourceId, AggregatesReference::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r1", "cpu.util"),
                        org.assertj.core.groups.Tuple.tuple("r1", "disk.read"),
                        org.assertj.core.groups.Tuple.tuple("r2", "cpu"));
        assertThat(refs.get(0).lookupKey()).containsExactly("cpu*", "mean");
    }

    @Test
    void nothingMatchingIsNoReference() {
        assertThat(ResourceAggregates.references(List.of(resource("r1", "p1", metric("cpu"))),
                List.of(new MetricRef("mem", "mean"), new MetricRef("disk*", "max")))).isEmpty();
    }

    @Test
    void namesAreTheDistinctRequestedNamesSorted() {
        assertThat(ResourceAggregates.names(List.of(new MetricRef("mem", "mean"), new MetricRef("disk*", "max"),
                new MetricRef("mem", "max")))).containsExactly("disk*", "mem");
    }

    @Test
    void onlyMetricsWhoseNamesMatchAreUsed() {
        List<MetricRef> names = List.of(new MetricRef("cpu.*", "mean"), new MetricRef("*way", "mean"));
        assertThat(ResourceAggregates.isUsed("cpu.util", names)).isTrue();
        assertThat(ResourceAggregates.isUsed("noway", names)).isTrue();
        assertThat(ResourceAggregates.isUsed("memory", names)).isFalse();
        assertThat(ResourceAggregates.isUsed(null, names)).isFalse();
    }

    @Test
    void groupsConsecutiveResourcesWithEqualAttributes() {
        List<ResourceAggregates.Group> groups = ResourceAggregates.groups(List.of(
                resource("r1", "p1"), resource("r2", "p1"), resource("r3", "p2"), resource("r4", "p1")),
                List.of("project_id"));

        assertThat(groups).extracting(ResourceAggregates.Group::key).containsExactly(
                Map.of("project_id", "p1"), Map.of("project_id", "p2"), Map.of("project_id", "p1"));
        assertThat(groups.get(0).resources()).extracting(ResourceAggregates.FoundResource::id)
                .containsExactly("r1", "r2");
    }
}

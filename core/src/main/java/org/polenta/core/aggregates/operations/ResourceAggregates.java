package org.polenta.core.aggregates.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.polenta.core.aggregates.MetricAndPolicy;
import org.polenta.core.archive.FnMatch;

/**
 * The by-resources half of POST /v1/aggregates that does not need the index (AggregatesController's groupby and
 * _get_measures_by_name): the operations' metric names, fnmatch wildcards allowed, matched against each found
 * resource's metrics, and the found resources cut into consecutive groups of equal groupby attributes.
 */
public final class ResourceAggregates {

    private ResourceAggregates() {
    }

    /** A resource the search found: its id, its attributes as Gnocchi shows them, and its metrics. */
    public record FoundResource(String id, Map<String, Object> attributes, List<MetricAndPolicy> metrics) {
    }

    /** Resources sharing the groupby attributes' values, in the search's order. */
    public record Group(Map<String, Object> key, List<FoundResource> resources) {
    }

    /**
     * The references of these resources' metrics whose names match the operations' names, resource by resource,
     * then reference by reference, then metric by name; empty when nothing matches (Gnocchi's NoSuchMetric, see
     * {@link #names}).
     */
    public static List<AggregatesReference> references(List<FoundResource> resources, List<MetricRef> names) {
        List<AggregatesReference> out = new ArrayList<>();
        for (FoundResource r : resources) {
            List<MetricAndPolicy> metrics = r.metrics().stream()
                    .sorted(Comparator.comparing(m -> Objects.toString(m.metric().name(), ""))).toList();
            for (MetricRef name : names) {
                for (MetricAndPolicy m : metrics) {
                    if (m.metric().name() != null && FnMatch.matches(name.metric(), m.metric().name())) {
                        out.add(new AggregatesReference(m, name, r.id()));
                    }
                }
            }
        }
        return out;
    }

    /** Whether a metric name matches one of the operations' names or wildcards: the only metrics worth reading. */
    public static boolean isUsed(String metricName, List<MetricRef> names) {
        return metricName != null && names.stream().anyMatch(n -> FnMatch.matches(n.metric(), metricName));
    }

    /** The distinct names the operations used, sorted: the "detail" of Gnocchi's NoSuchMetric. */
    public static List<String> names(List<MetricRef> names) {
        TreeSet<String> distinct = new TreeSet<>();
        names.forEach(n -> distinct.add(n.metric()));
        return new ArrayList<>(distinct);
    }

    /** Consecutive resources with equal values of {@code groupby} (sorted attribute names), as itertools.groupby. */
    public static List<Group> groups(List<FoundResource> resources, List<String> groupby) {
        return AttributeGroups.of(resources, FoundResource::attributes, groupby).stream()
                .map(g -> new Group(g.key(), g.members())).toList();
    }
}

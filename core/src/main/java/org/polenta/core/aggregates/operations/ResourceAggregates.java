package org.polenta.core.aggregates.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.polenta.core.aggregates.MetricAndPolicy;
import org.polenta.core.archive.FnMatch;
import org.polenta.core.errors.InvalidInputException;

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
     * then reference by reference, then metric by name.
     *
     * @throws InvalidInputException "Metric {'name', ...} does not exist" when nothing matches (Gnocchi's 400)
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
        if (out.isEmpty()) {
            throw noSuchMetric(names);
        }
        return out;
    }

    /** Gnocchi's NoSuchMetric over the set of names the operations used. */
    public static InvalidInputException noSuchMetric(List<MetricRef> names) {
        TreeSet<String> distinct = new TreeSet<>();
        names.forEach(n -> distinct.add(n.metric()));
        return new InvalidInputException("Metric " + PythonValues.repr(new ArrayList<>(distinct))
                .replaceFirst("^\\[", "{").replaceFirst("\\]$", "}") + " does not exist");
    }

    /** Consecutive resources with equal values of {@code groupby} (sorted attribute names), as itertools.groupby. */
    public static List<Group> groups(List<FoundResource> resources, List<String> groupby) {
        List<Group> groups = new ArrayList<>();
        for (FoundResource r : resources) {
            Map<String, Object> key = new LinkedHashMap<>();
            groupby.forEach(attribute -> key.put(attribute, r.attributes().get(attribute)));
            if (!groups.isEmpty() && groups.get(groups.size() - 1).key().equals(key)) {
                groups.get(groups.size() - 1).resources().add(r);
            } else {
                List<FoundResource> members = new ArrayList<>();
                members.add(r);
                groups.add(new Group(key, members));
            }
        }
        return groups;
    }
}

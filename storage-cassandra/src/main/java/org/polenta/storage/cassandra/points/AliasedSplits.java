package org.polenta.storage.cassandra.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.polenta.core.aggregates.Points;

/** For reads: which target splits a series' aliases need, and the series with each alias replaced by its target. */
final class AliasedSplits {

    /** A split of another method that an alias stands for. */
    record Target(UUID metricId, String method, long index) {
    }

    private AliasedSplits() {
    }

    /** The split indexes aliased to each target method, by method. */
    static Map<String, SortedSet<Long>> targetsOf(List<StoredSplit> splits) {
        Map<String, SortedSet<Long>> targets = new TreeMap<>();
        for (StoredSplit split : splits) {
            if (split.aliased()) {
                targets.computeIfAbsent(split.aliasOf(), m -> new TreeSet<>()).add(split.index());
            }
        }
        return targets;
    }

    /**
     * The series' splits in order, each alias replaced by its target's split. A missing target is an empty split:
     * an alias is written just after its target with the same TTL, so the target may expire a moment earlier.
     */
    static List<Points> resolve(UUID metricId, List<StoredSplit> splits, Map<Target, StoredSplit> targets) {
        List<Points> parts = new ArrayList<>(splits.size());
        for (StoredSplit split : splits) {
            if (!split.aliased()) {
                parts.add(split.points());
                continue;
            }
            StoredSplit target = targets.get(new Target(metricId, split.aliasOf(), split.index()));
            if (target == null) {
                continue;
            }
            if (target.aliased()) {
                throw new IllegalStateException("split alias " + split.aliasOf() + " points at another alias");
            }
            parts.add(target.points());
        }
        return parts;
    }
}

package org.polenta.core.archive;

import java.util.List;
import java.util.Set;

/**
 * A named archive policy, already validated and normalised: definition items sorted by granularity (finest
 * first), and the aggregation methods fully expanded (no "*", "+m" or "-m" left; "rate:" methods included).
 */
public record ArchivePolicy(String name, int backWindow, List<ArchivePolicyItem> definition,
                            Set<String> aggregationMethods) {

    public ArchivePolicy {
        definition = List.copyOf(definition);
        aggregationMethods = Set.copyOf(aggregationMethods);
    }

    /** The coarsest granularity: the raw-point block size for back_window arithmetic. */
    public long maxGranularityNanos() {
        return definition.stream().mapToLong(ArchivePolicyItem::granularityNanos).max().orElseThrow();
    }
}

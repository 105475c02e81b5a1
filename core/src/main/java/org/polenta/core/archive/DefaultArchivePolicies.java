package org.polenta.core.archive;

import java.util.List;
import java.util.Set;

/**
 * The policies and the rule that gnocchi-upgrade creates on a fresh Gnocchi 4.4 install
 * (archive_policy.DEFAULT_ARCHIVE_POLICIES and the "default" rule): bool, low, medium, high, and "*" -> low.
 */
public final class DefaultArchivePolicies {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private DefaultArchivePolicies() {
    }

    public static List<ArchivePolicy> all() {
        return List.of(
                new ArchivePolicy("bool", 3600, List.of(item(SECOND, 365 * DAY)), Set.of("last")),
                new ArchivePolicy("high", 0, List.of(item(SECOND, HOUR), item(MINUTE, 7 * DAY), item(HOUR, 365 * DAY)),
                        AggregationMethods.DEFAULT),
                new ArchivePolicy("low", 0, List.of(item(5 * MINUTE, 30 * DAY)), AggregationMethods.DEFAULT),
                new ArchivePolicy("medium", 0, List.of(item(MINUTE, 7 * DAY), item(HOUR, 365 * DAY)),
                        AggregationMethods.DEFAULT));
    }

    public static ArchivePolicyRule defaultRule() {
        return new ArchivePolicyRule("default", "*", "low");
    }

    /** An item given, as Gnocchi gives its defaults, by granularity and timespan. */
    private static ArchivePolicyItem item(long granularityNanos, long timespanNanos) {
        return new ArchivePolicyItem(granularityNanos, timespanNanos / granularityNanos);
    }
}

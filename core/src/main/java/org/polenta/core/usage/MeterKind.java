package org.polenta.core.usage;

import org.polenta.core.archive.ArchivePolicy;

/**
 * How a meter's values add up over a period. Gnocchi stores no meter type, so it is read off the archive
 * policy: Ceilometer's gnocchi publisher files every cumulative meter (cpu, network.*.bytes, disk.*.requests...)
 * under a "*-rate" policy, whose aggregation methods include "rate:mean", and every gauge under a plain one
 * (config/ceilometer-resources.yaml carries that mapping). A policy that keeps a "rate:" aggregate exists to turn
 * a running total into per-period amounts, so a metric under one is a counter whatever its name.
 */
public enum MeterKind {
    /** A running total (a counter): its usage is how much it grew, counter resets included. */
    CUMULATIVE,
    /** A level sampled over time: its usage is its time-weighted mean and its maximum. */
    GAUGE;

    public static MeterKind of(ArchivePolicy policy) {
        boolean keepsRates = policy.aggregationMethods().stream().anyMatch(m -> m.startsWith("rate:"));
        return keepsRates || policy.name().endsWith("-rate") ? CUMULATIVE : GAUGE;
    }

    /** As the report names it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

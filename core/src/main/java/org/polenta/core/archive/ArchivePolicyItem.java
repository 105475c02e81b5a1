package org.polenta.core.archive;

/**
 * One line of an archive policy definition: keep {@code points} aggregates of {@code granularityNanos} each.
 * The timespan is always granularity × points. {@code points} is null when the item keeps points forever
 * (Gnocchi allows a definition with granularity only).
 */
public record ArchivePolicyItem(long granularityNanos, Long points) {

    public Long timespanNanos() {
        return points == null ? null : granularityNanos * points;
    }
}

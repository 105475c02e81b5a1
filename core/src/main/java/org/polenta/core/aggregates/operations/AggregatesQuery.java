package org.polenta.core.aggregates.operations;

import org.polenta.core.aggregates.Fill;

/**
 * The query arguments of POST /v1/aggregates, parsed: start and stop in epoch nanoseconds, granularity in
 * nanoseconds (null: every granularity all references share), needed_overlap in percent, and the fill.
 */
public record AggregatesQuery(Long start, Long stop, Long granularity, double neededOverlap, Fill fill) {

    public static final double DEFAULT_NEEDED_OVERLAP = 100.0;

    /**
     * The query as Gnocchi's aggregates API defaults it: without fill and needed_overlap, missing points are dropped
     * (fill=dropna); needed_overlap defaults to 100%.
     */
    public static AggregatesQuery of(Long start, Long stop, Long granularity, Double neededOverlap, Fill fill) {
        Fill effective = fill == null || fill.kind() == Fill.Kind.NONE
                ? (neededOverlap == null ? Fill.DROPNA : Fill.NONE) : fill;
        return new AggregatesQuery(start, stop, granularity,
                neededOverlap == null ? DEFAULT_NEEDED_OVERLAP : neededOverlap, effective);
    }
}

package org.polenta.core.aggregates;

/** One aggregated series of a metric: an aggregation method (e.g. "mean", "rate:max", "95pct") at a granularity. */
public record Aggregation(String method, long granularityNanos) {
}

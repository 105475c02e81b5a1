package org.polenta.core.usage;

/**
 * One line of a usage report: a meter of one resource type in one project, over the period.
 *
 * @param unit      the metric's unit, "" when it has none
 * @param resources how many resources contributed
 * @param increase  CUMULATIVE only: how much the counters grew, in the unit
 * @param gauge     GAUGE only: the mean and max, in the unit; null for a counter
 */
public record MeterUsage(String projectId, String resourceType, String meter, String unit, MeterKind kind,
                         int resources, double increase, GaugeStatistics gauge) {
}

package org.polenta.listener.mapping;

/** A meter filed as a metric of a resource: the metric's name and archive policy. */
public record MetricMapping(String meter, String metricName, String archivePolicy) {
}

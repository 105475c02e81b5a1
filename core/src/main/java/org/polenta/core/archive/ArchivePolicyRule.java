package org.polenta.core.archive;

/** Chooses {@code archivePolicyName} for a metric created without one, when its name matches the fnmatch {@code metricPattern}. */
public record ArchivePolicyRule(String name, String metricPattern, String archivePolicyName) {
}

package org.polenta.core.usage;

/** Instance-hours of one flavor in one project over the period. */
public record FlavorHours(String projectId, String flavor, int instances, double hours) {
}

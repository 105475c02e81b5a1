package org.polenta.core.metric;

import java.util.UUID;

/**
 * A metric as the index knows it. {@code creator} is the authenticated user as Gnocchi records it (the user
 * name in basic auth, "user_id:project_id" with Keystone). {@code name} and {@code resourceId} are null for a
 * metric that belongs to no resource. {@code status} is "active" or "delete".
 */
public record Metric(UUID id, String archivePolicyName, String creator, String name, String unit,
                     UUID resourceId, String status) {

    public static final String ACTIVE = "active";
    public static final String DELETED = "delete";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** A field by the name Gnocchi gives it in filters (MetricRepository.find), as text; null when unset. */
    public String field(String gnocchiName) {
        return switch (gnocchiName) {
            case "id" -> id.toString();
            case "name" -> name;
            case "unit" -> unit;
            case "archive_policy_name" -> archivePolicyName;
            case "creator" -> creator;
            case "resource_id" -> resourceId == null ? null : resourceId.toString();
            case "status" -> status;
            default -> throw new IllegalArgumentException("no metric field " + gnocchiName);
        };
    }
}

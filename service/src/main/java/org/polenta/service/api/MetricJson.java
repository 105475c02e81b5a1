package org.polenta.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.metric.Metric;

/**
 * A metric as Gnocchi shows it. The answer to a creation names its archive policy (archive_policy_name);
 * reads and listings embed the policy (archive_policy). created_by_user_id / created_by_project_id split the
 * creator at its first ":" as Gnocchi does (basic auth: the user name and "").
 */
@JsonPropertyOrder({"id", "creator", "name", "unit", "resource_id", "archive_policy_name", "archive_policy",
        "created_by_user_id", "created_by_project_id"})
public record MetricJson(
        @JsonProperty("id") String id,
        @JsonProperty("creator") String creator,
        @JsonProperty("name") String name,
        @JsonProperty("unit") String unit,
        @JsonProperty("resource_id") String resourceId,
        @JsonProperty("archive_policy_name") @JsonInclude(JsonInclude.Include.NON_NULL) String archivePolicyName,
        @JsonProperty("archive_policy") @JsonInclude(JsonInclude.Include.NON_NULL) ArchivePolicyJson archivePolicy,
        @JsonProperty("created_by_user_id") String createdByUserId,
        @JsonProperty("created_by_project_id") String createdByProjectId) {

    public static MetricJson created(Metric m) {
        return build(m, m.archivePolicyName(), null);
    }

    /** With the policy embedded; a deleted metric whose policy is gone since falls back to the policy's name. */
    public static MetricJson withPolicy(Metric m, ArchivePolicy policy) {
        return policy == null ? created(m) : build(m, null, ArchivePolicyJson.of(policy));
    }

    private static MetricJson build(Metric m, String policyName, ArchivePolicyJson policy) {
        String user = null;
        String project = null;
        if (m.creator() != null) {
            int colon = m.creator().indexOf(':');
            user = colon < 0 ? m.creator() : m.creator().substring(0, colon);
            project = colon < 0 ? "" : m.creator().substring(colon + 1);
        }
        return new MetricJson(m.id().toString(), m.creator(), m.name(), m.unit(),
                m.resourceId() == null ? null : m.resourceId().toString(), policyName, policy, user, project);
    }
}

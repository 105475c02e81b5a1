package org.polenta.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.polenta.core.archive.ArchivePolicyRule;

@JsonPropertyOrder({"name", "metric_pattern", "archive_policy_name"})
public record ArchivePolicyRuleJson(
        @JsonProperty("name") String name,
        @JsonProperty("metric_pattern") String metricPattern,
        @JsonProperty("archive_policy_name") String archivePolicyName) {

    public static ArchivePolicyRuleJson of(ArchivePolicyRule r) {
        return new ArchivePolicyRuleJson(r.name(), r.metricPattern(), r.archivePolicyName());
    }
}

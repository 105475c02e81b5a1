package org.polenta.service.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.metric.Metric;
import org.polenta.core.resource.Resource;
import org.polenta.service.operations.ResourceViews;

/**
 * A metric read on its own (GET /v1/metric/{id}, .../metric/{name}): Gnocchi loads its details, so the resource
 * it belongs to is embedded under "resource" (null when none) in place of "resource_id".
 */
public final class MetricWithResourceJson {

    private MetricWithResourceJson() {
    }

    public static Map<String, Object> of(Metric metric, ArchivePolicy policy, Resource resource) {
        MetricJson base = MetricJson.withPolicy(metric, policy);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", base.id());
        json.put("creator", base.creator());
        json.put("name", base.name());
        json.put("unit", base.unit());
        if (resource == null) {
            json.put("resource", null);
        } else {
            Map<String, Object> r = ResourceViews.json(resource, "generic");
            r.remove("metrics");
            json.put("resource", r);
        }
        if (base.archivePolicy() != null) {
            json.put("archive_policy", base.archivePolicy());
        } else {
            json.put("archive_policy_name", base.archivePolicyName());
        }
        json.put("created_by_user_id", base.createdByUserId());
        json.put("created_by_project_id", base.createdByProjectId());
        return json;
    }
}

package org.polenta.service.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polenta.core.metric.Metric;

/** A metric as a policy target: Gnocchi's metric JSON (resource unknown here, so "resource" is null). */
public final class MetricTargets {

    private MetricTargets() {
    }

    public static Map<String, Object> of(Metric m) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", m.id().toString());
        t.put("creator", m.creator());
        t.put("name", m.name());
        t.put("unit", m.unit());
        t.put("archive_policy_name", m.archivePolicyName());
        t.put("resource_id", m.resourceId() == null ? null : m.resourceId().toString());
        t.put("resource", null);
        String creator = m.creator();
        if (creator == null) {
            t.put("created_by_user_id", null);
            t.put("created_by_project_id", null);
        } else {
            int colon = creator.indexOf(':');
            t.put("created_by_user_id", colon < 0 ? creator : creator.substring(0, colon));
            t.put("created_by_project_id", colon < 0 ? "" : creator.substring(colon + 1));
        }
        return t;
    }
}

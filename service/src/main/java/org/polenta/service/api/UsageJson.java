package org.polenta.service.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polenta.core.time.Timestamps;
import org.polenta.core.usage.FlavorHours;
import org.polenta.core.usage.MeterKind;
import org.polenta.core.usage.MeterUsage;
import org.polenta.service.operations.UsageReport;

/** The JSON of a usage report. JSON has no NaN: a gauge without data in the period has null mean and max. */
public final class UsageJson {

    private UsageJson() {
    }

    public static Map<String, Object> of(UsageReport.Result result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", Timestamps.format(result.request().start()));
        body.put("stop", Timestamps.format(result.request().stop()));
        body.put("granularity", result.request().granularity() == null ? null
                : result.request().granularity() / 1e9);
        List<Map<String, Object>> usage = new ArrayList<>();
        for (MeterUsage m : result.meters()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("project_id", m.projectId());
            line.put("resource_type", m.resourceType());
            line.put("meter", m.meter());
            line.put("unit", m.unit());
            line.put("kind", m.kind().label());
            line.put("resources", m.resources());
            if (m.kind() == MeterKind.CUMULATIVE) {
                line.put("increase", m.increase());
            } else {
                line.put("mean", number(m.gauge().mean()));
                line.put("max", number(m.gauge().max()));
            }
            usage.add(line);
        }
        body.put("usage", usage);
        List<Map<String, Object>> hours = new ArrayList<>();
        for (FlavorHours f : result.instanceHours()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("project_id", f.projectId());
            line.put("flavor", f.flavor());
            line.put("instances", f.instances());
            line.put("hours", f.hours());
            hours.add(line);
        }
        body.put("instance_hours", hours);
        return body;
    }

    static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }
}

package org.polenta.service.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas of the bodies the API accepts, as Gnocchi's rest/api.py declares them (archive policies are
 * validated by core's ArchivePolicyParser, which also owns their semantics).
 */
public final class BodySchemas {

    private static final List<Object> ROOT = List.of();

    private BodySchemas() {
    }

    public static Map<String, Object> archivePolicyRuleCreate(Object body) {
        return Voluptuous.dict(body, ROOT, Map.of(
                "name", Voluptuous.STRING,
                "metric_pattern", Voluptuous.STRING,
                "archive_policy_name", Voluptuous.STRING), requiredInOrder("name", "metric_pattern", "archive_policy_name"));
    }

    public static Map<String, Object> archivePolicyRuleRename(Object body) {
        return Voluptuous.dict(body, ROOT, Map.of("name", Voluptuous.STRING), Set.of("name"));
    }

    /** POST /v1/metric: every key optional, no other key allowed, unit of at most 31 characters. */
    public static Map<String, Object> metricCreate(Object body) {
        return Voluptuous.dict(body, ROOT, Map.of(
                "archive_policy_name", Voluptuous.STRING,
                "resource_id", Voluptuous.STRING,
                "name", Voluptuous.STRING,
                "unit", Voluptuous.stringOfAtMost(31)), Set.of());
    }

    private static Set<String> requiredInOrder(String... keys) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(keys)));
    }

}

package org.polenta.service.auth.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Flattens nested targets into dotted keys ("resource.project_id"), as Gnocchi's enforce() does. */
public final class PolicyTargets {

    private PolicyTargets() {
    }

    public static Map<String, Object> flatten(Map<String, ?> target) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", target, out);
        return out;
    }

    private static void flatten(String prefix, Map<String, ?> m, Map<String, Object> out) {
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) nested;
                flatten(prefix + k + ".", typed, out);
            } else {
                out.put(prefix + k, v);
            }
        });
    }
}

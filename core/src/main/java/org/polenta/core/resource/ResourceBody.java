package org.polenta.core.resource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A checked POST or PATCH body of /v1/resource/{type}: the fields it sets, with typed values (String, UUID,
 * Double, Boolean, Long epoch nanoseconds, or null to clear), in the body's order. Keys are Gnocchi's names:
 * "user_id", "project_id", "started_at", "ended_at", the type's attribute names, and "metrics" whose value is
 * left raw (a map of name to metric id or to a metric definition) for the metric API to check.
 *
 * @param id                 the resource UUID on create, null on PATCH
 * @param originalResourceId the id as the client gave it on create, null on PATCH
 */
public record ResourceBody(UUID id, String originalResourceId, Map<String, Object> fields) {

    public ResourceBody {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public Object get(String field) {
        return fields.get(field);
    }
}

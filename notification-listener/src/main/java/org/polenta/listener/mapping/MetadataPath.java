package org.polenta.listener.mapping;

import java.util.List;
import java.util.Map;

/** A dotted path into untyped JSON objects, e.g. "flavor.id"; Ceilometer's JSONPath field access. */
public record MetadataPath(List<String> steps) {

    public static MetadataPath parse(String dotted) {
        if (dotted == null || dotted.isBlank() || dotted.startsWith(".") || dotted.endsWith(".") || dotted.contains("..")) {
            throw new IllegalArgumentException("invalid path: " + dotted);
        }
        return new MetadataPath(List.of(dotted.split("\\.")));
    }

    /** The value at the path, or null when any step is missing or not an object. */
    public Object find(Map<String, Object> root) {
        Object current = root;
        for (String step : steps) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    /** The first path whose value is present and not null, as a JSONPath union (a|b) yields it. */
    public static Object firstPresent(List<MetadataPath> paths, Map<String, Object> root) {
        for (MetadataPath path : paths) {
            Object value = path.find(root);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.join(".", steps);
    }
}

package org.polenta.core.resource.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.polenta.core.time.PythonFloatRepr;

/**
 * Renders filters the way the oracle tables write them: floats as {"$float": repr}, UUIDs as {"$uuid": text},
 * mapping keys as Python's json.dumps writes them; operators in one canonical spelling for comparison.
 */
final class FilterJson {

    private FilterJson() {
    }

    static Object encode(Object value) {
        if (value instanceof Double number) {
            return Map.of("$float", PythonFloatRepr.of(number));
        }
        if (value instanceof UUID uuid) {
            return Map.of("$uuid", uuid.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(key(k), encode(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(encode(v)));
            return out;
        }
        return value;
    }

    static Object of(ResourceFilter filter) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (filter instanceof ResourceFilter.Empty) {
            return out;
        } else if (filter instanceof ResourceFilter.Comparison c) {
            Map<String, Object> operand = new LinkedHashMap<>();
            operand.put(c.field(), encode(c.value()));
            out.put(canonical(c.operator()), operand);
        } else if (filter instanceof ResourceFilter.In in) {
            Map<String, Object> operand = new LinkedHashMap<>();
            operand.put(in.field(), encode(in.values()));
            out.put("in", operand);
        } else if (filter instanceof ResourceFilter.Like like) {
            Map<String, Object> operand = new LinkedHashMap<>();
            operand.put(like.field(), encode(like.pattern()));
            out.put("like", operand);
        } else if (filter instanceof ResourceFilter.And and) {
            out.put("and", and.operands().stream().map(FilterJson::of).toList());
        } else if (filter instanceof ResourceFilter.Or or) {
            out.put("or", or.operands().stream().map(FilterJson::of).toList());
        } else if (filter instanceof ResourceFilter.Not not) {
            out.put("not", of(not.operand()));
        }
        return out;
    }

    /** Gnocchi's JSON with every operator in the spelling {@link #of} uses. */
    static Object canonicalize(Object json) {
        if (json instanceof Map<?, ?> map) {
            if (map.containsKey("$float") || map.containsKey("$uuid")) {
                return map;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = (String) k;
                String canonical = ComparisonOperator.fromSpelling(key).map(FilterJson::canonical)
                        .orElse(switch (key) {
                            case "∧" -> "and";
                            case "∨" -> "or";
                            default -> key;
                        });
                out.put(canonical, canonicalize(v));
            });
            return out;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(FilterJson::canonicalize).toList();
        }
        return json;
    }

    private static String canonical(ComparisonOperator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    private static String key(Object key) {
        if (key instanceof String text) {
            return text;
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Double number) {
            return PythonFloatRepr.of(number);
        }
        return String.valueOf(key);
    }
}

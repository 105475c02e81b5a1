package org.polenta.core.resource.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.resource.ResourceIds;
import org.polenta.core.validation.SchemaViolation;
import org.polenta.core.validation.SchemaViolationException;

/**
 * Gnocchi's ResourceSearchSchema over a JSON filter, with voluptuous' messages: at most one operator per mapping,
 * one field per comparison, values that are scalars (lists for "in"), no "id" under "like", "id" values turned
 * into resource UUIDs for the requesting creator. Failures inside a list element stop at once; shallow ones
 * report the first failing element.
 */
public final class ResourceFilterSchema {

    private static final Set<String> CONJUNCTIONS = Set.of("and", "∧");
    private static final Set<String> DISJUNCTIONS = Set.of("or", "∨");

    private ResourceFilterSchema() {
    }

    /**
     * @param creator the requesting user as Gnocchi names it (see {@link ResourceIds#transform})
     * @throws StructuredInvalidInputException {"cause": "Invalid input", "reason": ..., "detail": [...]}
     */
    public static ResourceFilter parse(Object body, String creator) {
        try {
            return filter(body, List.of(), creator);
        } catch (SchemaViolationException e) {
            throw e.violation().toException();
        }
    }

    private static ResourceFilter filter(Object value, List<Object> path, String creator) {
        requireLength(value, path, 0, 1);
        if (!(value instanceof Map<?, ?> map)) {
            throw fail(SchemaViolation.at(path, "expected a dictionary"));
        }
        if (map.isEmpty()) {
            return new ResourceFilter.Empty();
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String key = String.valueOf(entry.getKey());
        List<Object> keyPath = SchemaViolation.append(path, key);
        if (!isOperator(key)) {
            throw fail(SchemaViolation.at(keyPath, "extra keys not allowed"));
        }
        try {
            return operation(key, entry.getValue(), keyPath, creator);
        } catch (SchemaViolationException e) {
            throw fail(e.violation().asValueOfKeyAt(keyPath.size()));
        }
    }

    private static ResourceFilter operation(String key, Object value, List<Object> keyPath, String creator) {
        Optional<ComparisonOperator> comparison = ComparisonOperator.fromSpelling(key);
        if (comparison.isPresent()) {
            Map.Entry<String, Object> field = singleField(value, keyPath);
            List<Object> fieldPath = SchemaViolation.append(keyPath, field.getKey());
            if (field.getKey().equals("id")) {
                return new ResourceFilter.Comparison(comparison.get(), "id",
                        resourceId(field.getValue(), fieldPath, creator, true));
            }
            return new ResourceFilter.Comparison(comparison.get(), field.getKey(), scalar(field.getValue(), fieldPath, true));
        }
        if (key.equals("like")) {
            Map.Entry<String, Object> field = singleField(value, keyPath);
            List<Object> fieldPath = SchemaViolation.append(keyPath, field.getKey());
            if (field.getKey().equals("id")) {
                throw fail(SchemaViolation.at(fieldPath, "extra keys not allowed"));
            }
            return new ResourceFilter.Like(field.getKey(), scalar(field.getValue(), fieldPath, true));
        }
        if (key.equals("in")) {
            Map.Entry<String, Object> field = singleField(value, keyPath);
            List<Object> fieldPath = SchemaViolation.append(keyPath, field.getKey());
            if (!(field.getValue() instanceof List<?> list)) {
                throw fail(SchemaViolation.dictionaryValue(fieldPath, "expected a list"));
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                List<Object> elementPath = SchemaViolation.append(fieldPath, i);
                values.add(field.getKey().equals("id")
                        ? resourceId(list.get(i), elementPath, creator, false)
                        : scalar(list.get(i), elementPath, false));
            }
            if (values.isEmpty()) {
                throw fail(SchemaViolation.dictionaryValue(fieldPath, "length of value must be at least 1"));
            }
            return new ResourceFilter.In(field.getKey(), values);
        }
        if (CONJUNCTIONS.contains(key) || DISJUNCTIONS.contains(key)) {
            List<ResourceFilter> operands = operands(value, keyPath, creator);
            return CONJUNCTIONS.contains(key) ? new ResourceFilter.And(operands) : new ResourceFilter.Or(operands);
        }
        if (key.equals("not")) {
            return new ResourceFilter.Not(filter(value, keyPath, creator));
        }
        throw fail(SchemaViolation.at(keyPath, "extra keys not allowed"));
    }

    private static boolean isOperator(String key) {
        return ComparisonOperator.fromSpelling(key).isPresent() || key.equals("like") || key.equals("in")
                || key.equals("not") || CONJUNCTIONS.contains(key) || DISJUNCTIONS.contains(key);
    }

    private static List<ResourceFilter> operands(Object value, List<Object> keyPath, String creator) {
        if (!(value instanceof List<?> list)) {
            throw fail(SchemaViolation.at(keyPath, "expected a list"));
        }
        List<ResourceFilter> operands = new ArrayList<>();
        SchemaViolation firstShallow = null;
        for (int i = 0; i < list.size(); i++) {
            List<Object> elementPath = SchemaViolation.append(keyPath, i);
            try {
                operands.add(filter(list.get(i), elementPath, creator));
            } catch (SchemaViolationException e) {
                if (e.violation().path().size() > elementPath.size()) {
                    throw e;
                }
                if (firstShallow == null) {
                    firstShallow = e.violation();
                }
            }
        }
        if (firstShallow != null) {
            throw fail(firstShallow);
        }
        if (operands.isEmpty()) {
            throw fail(SchemaViolation.at(keyPath, "length of value must be at least 1"));
        }
        return operands;
    }

    /** All(Length(min=1, max=1), {field: value}). */
    private static Map.Entry<String, Object> singleField(Object value, List<Object> keyPath) {
        requireLength(value, keyPath, 1, 1);
        if (!(value instanceof Map<?, ?> map)) {
            throw fail(SchemaViolation.at(keyPath, "expected a dictionary"));
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        if (!(entry.getKey() instanceof String field)) {
            // A filter= string can put a number, a boolean or null where the field goes.
            throw fail(SchemaViolation.at(SchemaViolation.append(keyPath, new PythonKey(entry.getKey())),
                    "extra keys not allowed"));
        }
        return Map.entry(field, entry.getValue() == null ? NULL : entry.getValue());
    }

    /** Any(str, float, int, bool, None): voluptuous names the first alternative when all fail. */
    private static Object scalar(Object value, List<Object> path, boolean mappingValue) {
        Object actual = value == NULL ? null : value;
        if (actual instanceof List<?> || actual instanceof Map<?, ?>) {
            throw fail(new SchemaViolation("expected str", path, mappingValue));
        }
        return actual;
    }

    private static UUID resourceId(Object value, List<Object> path, String creator, boolean mappingValue) {
        Object actual = value == NULL ? null : value;
        if (!(actual instanceof String text)) {
            // Gnocchi fails with a 500 (TypeError) on a non-string id; say what it expects instead.
            throw fail(new SchemaViolation("expected str", path, mappingValue));
        }
        try {
            return ResourceIds.transform(text, creator);
        } catch (IllegalArgumentException e) {
            throw fail(new SchemaViolation(e.getMessage(), path, mappingValue));
        }
    }

    private static void requireLength(Object value, List<Object> path, int min, int max) {
        long length;
        if (value instanceof CharSequence text) {
            length = text.toString().codePointCount(0, text.length());
        } else if (value instanceof List<?> list) {
            length = list.size();
        } else if (value instanceof Map<?, ?> map) {
            length = map.size();
        } else {
            throw fail(SchemaViolation.at(path, "invalid value or type"));
        }
        if (length < min) {
            throw fail(SchemaViolation.at(path, "length of value must be at least " + min));
        }
        if (length > max) {
            throw fail(SchemaViolation.at(path, "length of value must be at most " + max));
        }
    }

    private static SchemaViolationException fail(SchemaViolation violation) {
        return new SchemaViolationException(violation);
    }

    /** A non-text mapping key, shown in paths as Python shows it (5.0, None, True). */
    private record PythonKey(Object key) {
        @Override
        public String toString() {
            return org.polenta.core.resource.PythonStr.repr(key);
        }
    }

    /** Stands for a JSON null inside Map.entry, which refuses nulls. */
    private static final Object NULL = new Object();
}

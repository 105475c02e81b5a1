package org.polenta.core.resource.type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.resource.PythonStr;
import org.polenta.core.validation.SchemaViolation;

/**
 * PATCH /v1/resource_type/{name} (RFC 6902) around the JSON-Patch library that applies it: the operations'
 * schema before, Gnocchi's messages when an operation cannot apply, and the validation of the patched type after.
 *
 * <p>The service (1) calls {@link #checkOperations}, (2) applies the operations to {@link ResourceType#toJson()}
 * with the library, reporting a failing operation with {@link #describeFailure}, (3) hands the patched document to
 * {@link #result}, and (4) stores the update unless it is empty.
 */
public final class ResourceTypePatch {

    private ResourceTypePatch() {
    }

    /**
     * Gnocchi's ResourceTypeJsonPatchSchema: a list of {"op": "add"|"remove", "path": "/attributes...", "value": {}}.
     * "op" and "path" may be missing here: the patch library reports those (see {@link #describeFailure}).
     *
     * @throws StructuredInvalidInputException as a body that fails its schema
     */
    public static List<Map<String, Object>> checkOperations(Object patch) {
        if (!(patch instanceof List<?> operations)) {
            throw SchemaViolation.at(List.of(), "expected a list").toException();
        }
        List<Map<String, Object>> checked = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Object operation = operations.get(i);
            List<Object> path = List.of(i);
            if (!(operation instanceof Map<?, ?> map)) {
                throw SchemaViolation.at(path, "expected a dictionary").toException();
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                List<Object> keyPath = SchemaViolation.append(path, entry.getKey());
                Object value = entry.getValue();
                switch (String.valueOf(entry.getKey())) {
                    case "op" -> {
                        if (!"add".equals(value) && !"remove".equals(value)) {
                            throw SchemaViolation.dictionaryValue(keyPath, "not a valid value").toException();
                        }
                    }
                    case "path" -> {
                        if (!(value instanceof String text) || !text.startsWith("/attributes")) {
                            throw SchemaViolation.dictionaryValue(keyPath, "not a valid value").toException();
                        }
                    }
                    case "value" -> {
                        if (!(value instanceof Map<?, ?>)) {
                            throw SchemaViolation.dictionaryValue(keyPath, "expected dict").toException();
                        }
                    }
                    default -> throw SchemaViolation.at(keyPath, "extra keys not allowed").toException();
                }
                copy.put(String.valueOf(entry.getKey()), value);
            }
            checked.add(copy);
        }
        return checked;
    }

    /**
     * Gnocchi's (python-jsonpatch's) message for an operation that cannot be applied to {@code document}, the
     * type's JSON as it was before that operation; null when the operation applies.
     */
    public static String describeFailure(Map<String, Object> operation, Map<String, Object> document) {
        if (!operation.containsKey("op")) {
            return "Operation does not contain 'op' member";
        }
        if (!operation.containsKey("path")) {
            return "Operation must have a 'path' member";
        }
        boolean add = "add".equals(operation.get("op"));
        if (add && !operation.containsKey("value")) {
            return "The operation does not contain a 'value' member";
        }
        List<String> tokens = pointerTokens((String) operation.get("path"));
        Object parent = document;
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (!(parent instanceof Map<?, ?> map) || !map.containsKey(tokens.get(i))) {
                // python-jsonpatch lets jsonpointer's error through (Gnocchi answers 500); its text, as a 400.
                return "member " + PythonStr.repr(tokens.get(i)) + " not found in " + PythonStr.repr(parent);
            }
            parent = map.get(tokens.get(i));
        }
        String last = tokens.get(tokens.size() - 1);
        if (!add && (!(parent instanceof Map<?, ?> map) || !map.containsKey(last))) {
            return "can't remove a non-existent object " + PythonStr.repr(last);
        }
        return null;
    }

    /**
     * Validates the patched type and works out what changed, as Gnocchi does: the whole type must pass the
     * update schema, then each new attribute is built, a required one needing options.fill.
     *
     * @param patched the type's JSON after every operation ("state" may be present; it is ignored)
     * @throws InvalidInputException "Invalid input: ..." (a plain string description, as Gnocchi gives)
     */
    public static ResourceTypeUpdate result(ResourceType current, Map<String, Object> patched) {
        Map<String, Object> next = new LinkedHashMap<>(patched);
        next.remove("state");
        SchemaViolation violation = ResourceTypeParser.check(next, true);
        if (violation != null) {
            throw new InvalidInputException("Invalid input: " + violation.reason());
        }
        Map<?, ?> nextAttributes = ResourceTypeParser.attributesOf(next);
        Map<Object, Object> addedDefinitions = new LinkedHashMap<>();
        nextAttributes.forEach((name, definition) -> {
            if (current.attribute(String.valueOf(name)).isEmpty()) {
                addedDefinitions.put(name, definition);
            }
        });
        List<String> removed = new ArrayList<>();
        for (AttributeSchema attribute : current.attributes()) {
            if (!nextAttributes.containsKey(attribute.name())) {
                removed.add(attribute.name());
            }
        }
        if (addedDefinitions.isEmpty() && removed.isEmpty()) {
            return new ResourceTypeUpdate(List.of(), List.of());
        }
        return new ResourceTypeUpdate(ResourceTypeParser.buildAll(addedDefinitions, true), removed);
    }

    /** RFC 6901 reference tokens of a JSON pointer ("~1" is "/", "~0" is "~"). */
    static List<String> pointerTokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}

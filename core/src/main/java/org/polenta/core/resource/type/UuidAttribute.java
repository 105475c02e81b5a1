package org.polenta.core.resource.type;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An attribute holding a UUID, read as Python's uuid.UUID(text) reads it. */
public record UuidAttribute(String name, boolean required) implements AttributeSchema {

    @Override
    public String typeName() {
        return "uuid";
    }

    @Override
    public Object validate(Object value) {
        return PythonUuids.parse(value);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", typeName());
        json.put("required", required);
        return json;
    }

    /** For callers that need the UUID itself. */
    public static UUID parse(Object value) {
        return PythonUuids.parse(value);
    }
}

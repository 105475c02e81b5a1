package org.polenta.core.resource.type;

import java.util.LinkedHashMap;
import java.util.Map;

/** A true/false attribute; only JSON booleans are accepted. */
public record BoolAttribute(String name, boolean required) implements AttributeSchema {

    @Override
    public String typeName() {
        return "bool";
    }

    @Override
    public Object validate(Object value) {
        if (!(value instanceof Boolean)) {
            throw new AttributeValueException("expected bool");
        }
        return value;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", typeName());
        json.put("required", required);
        return json;
    }
}

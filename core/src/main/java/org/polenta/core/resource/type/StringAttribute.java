package org.polenta.core.resource.type;

import java.util.LinkedHashMap;
import java.util.Map;

/** A text attribute whose length, in code points as Python counts them, lies in [minLength, maxLength]. */
public record StringAttribute(String name, boolean required, int minLength, int maxLength) implements AttributeSchema {

    public static final int DEFAULT_MIN_LENGTH = 0;
    public static final int DEFAULT_MAX_LENGTH = 255;

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public Object validate(Object value) {
        if (!(value instanceof String text)) {
            throw new AttributeValueException("expected str");
        }
        int length = text.codePointCount(0, text.length());
        if (length < minLength) {
            throw new AttributeValueException("length of value must be at least " + minLength);
        }
        if (length > maxLength) {
            throw new AttributeValueException("length of value must be at most " + maxLength);
        }
        return text;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", typeName());
        json.put("required", required);
        json.put("max_length", maxLength);
        json.put("min_length", minLength);
        return json;
    }
}

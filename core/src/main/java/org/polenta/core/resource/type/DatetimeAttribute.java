package org.polenta.core.resource.type;

import java.util.LinkedHashMap;
import java.util.Map;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.time.Timestamps;

/** An instant, read as Gnocchi reads timestamps (utils.to_datetime) and kept as epoch nanoseconds. */
public record DatetimeAttribute(String name, boolean required) implements AttributeSchema {

    @Override
    public String typeName() {
        return "datetime";
    }

    @Override
    public Object validate(Object value) {
        try {
            return Timestamps.parse(value);
        } catch (InvalidInputException e) {
            throw new AttributeValueException(e.getMessage());
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", typeName());
        json.put("required", required);
        return json;
    }
}

package org.polenta.core.resource.type;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.polenta.core.resource.PythonStr;

/**
 * A numeric attribute (stored as a double, like Gnocchi's Float(53) column) within optional bounds. The bounds
 * keep the JSON number the client gave (an integer stays an integer) because Gnocchi renders and quotes them so.
 */
public record NumberAttribute(String name, boolean required, Number min, Number max) implements AttributeSchema {

    @Override
    public String typeName() {
        return "number";
    }

    @Override
    public Object validate(Object value) {
        if (!isReal(value)) {
            throw new AttributeValueException("expected Real");
        }
        BigDecimal number = decimal(value);
        if (min != null && number.compareTo(decimal(min)) < 0) {
            throw new AttributeValueException("value must be at least " + PythonStr.str(min));
        }
        if (max != null && number.compareTo(decimal(max)) > 0) {
            throw new AttributeValueException("value must be at most " + PythonStr.str(max));
        }
        return value instanceof Boolean flag ? (flag ? 1.0 : 0.0) : ((Number) value).doubleValue();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", typeName());
        json.put("required", required);
        json.put("min", min);
        json.put("max", max);
        return json;
    }

    /** numbers.Real: ints, floats and (Python's bool being an int) booleans. */
    static boolean isReal(Object value) {
        return value instanceof Number || value instanceof Boolean;
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(((Number) value).doubleValue());
        }
        return new BigDecimal(value.toString());
    }
}

package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import java.math.BigInteger;
import org.polenta.core.resource.type.AttributeSchema;
import org.polenta.core.resource.type.BoolAttribute;
import org.polenta.core.resource.type.DatetimeAttribute;
import org.polenta.core.resource.type.NumberAttribute;
import org.polenta.core.resource.type.StringAttribute;
import org.polenta.core.resource.type.UuidAttribute;

/**
 * Attribute definitions as resource_attribute values. A number bound keeps the kind of JSON number the client
 * gave, because Gnocchi renders it back so: "i:" + integer text (read back as Integer, Long or BigInteger, as
 * Jackson would have produced it), "f:" + a double.
 */
final class AttributeDefinitionCodec {

    private AttributeDefinitionCodec() {
    }

    static UdtValue encode(UserDefinedType udt, AttributeSchema attribute) {
        UdtValue value = udt.newValue()
            .setString("name", attribute.name())
            .setString("type", attribute.typeName())
            .setBoolean("required", attribute.required());
        if (attribute instanceof StringAttribute string) {
            value = value.setInt("min_length", string.minLength()).setInt("max_length", string.maxLength());
        }
        if (attribute instanceof NumberAttribute number) {
            value = value.setString("min", bound(number.min())).setString("max", bound(number.max()));
        }
        return value;
    }

    static AttributeSchema decode(UdtValue value) {
        String name = value.getString("name");
        boolean required = value.getBoolean("required");
        return switch (value.getString("type")) {
            case "string" -> new StringAttribute(name, required, value.getInt("min_length"), value.getInt("max_length"));
            case "number" -> new NumberAttribute(name, required, bound(value.getString("min")),
                bound(value.getString("max")));
            case "uuid" -> new UuidAttribute(name, required);
            case "bool" -> new BoolAttribute(name, required);
            case "datetime" -> new DatetimeAttribute(name, required);
            default -> throw new IllegalStateException("Unknown attribute type " + value.getString("type"));
        };
    }

    static String bound(Number number) {
        if (number == null) {
            return null;
        }
        if (number instanceof Double || number instanceof Float) {
            return "f:" + number.doubleValue();
        }
        return "i:" + number;
    }

    static Number bound(String text) {
        if (text == null) {
            return null;
        }
        String body = text.substring(2);
        if (text.startsWith("f:")) {
            return Double.valueOf(body);
        }
        BigInteger integer = new BigInteger(body);
        if (integer.bitLength() < 32) {
            return integer.intValue();
        }
        return integer.bitLength() < 64 ? (Number) integer.longValue() : integer;
    }
}

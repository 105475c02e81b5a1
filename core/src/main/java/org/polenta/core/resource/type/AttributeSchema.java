package org.polenta.core.resource.type;

import java.util.Map;

/**
 * One attribute of a resource type, as Gnocchi's resource_type.py defines it: a name, whether a resource must
 * carry it, and a type that validates and normalises values.
 */
public sealed interface AttributeSchema
        permits StringAttribute, UuidAttribute, NumberAttribute, BoolAttribute, DatetimeAttribute {

    String name();

    boolean required();

    /** "string", "uuid", "number", "bool" or "datetime". */
    String typeName();

    /**
     * The value as stored: String, java.util.UUID, Double, Boolean, or Long epoch nanoseconds for datetimes.
     * Null is not a value here; optional attributes handle absence before calling.
     *
     * @throws AttributeValueException with the validator's message
     */
    Object validate(Object value);

    /** The attribute as Gnocchi renders it inside a resource type, keys in Gnocchi's order. */
    Map<String, Object> toJson();
}

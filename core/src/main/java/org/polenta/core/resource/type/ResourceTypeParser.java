package org.polenta.core.resource.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.validation.SchemaViolation;

/** Reads a POST /v1/resource_type body into a new type (state "creating") with Gnocchi's checks and messages. */
public final class ResourceTypeParser {

    private ResourceTypeParser() {
    }

    /**
     * @throws StructuredInvalidInputException when the body fails the schema ({"cause": "Invalid input", ...})
     * @throws InvalidInputException "Invalid input: Resource attribute name id is invalid" and the other
     *         attribute checks, as a plain string description
     */
    public static ResourceType parse(Object body) {
        SchemaViolation violation = check(body, false);
        if (violation != null) {
            throw violation.toException();
        }
        Map<?, ?> map = (Map<?, ?>) body;
        List<AttributeSchema> attributes = new ArrayList<>();
        for (AttributeAddition addition : buildAll(attributesOf(map), false)) {
            attributes.add(addition.attribute());
        }
        return new ResourceType((String) map.get("name"), attributes, ResourceTypeState.CREATING);
    }

    /** The whole-type schema ({"name": str, "attributes": {str: definition}}), create or update flavour. */
    static SchemaViolation check(Object body, boolean forUpdate) {
        if (!(body instanceof Map<?, ?> map)) {
            return SchemaViolation.at(List.of(), "expected a dictionary");
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            List<Object> keyPath = List.of(key);
            if ("name".equals(key)) {
                if (!(entry.getValue() instanceof String)) {
                    return SchemaViolation.dictionaryValue(keyPath, "expected str");
                }
            } else if ("attributes".equals(key)) {
                if (!(entry.getValue() instanceof Map<?, ?> attributes)) {
                    return SchemaViolation.dictionaryValue(keyPath, "expected a dictionary");
                }
                for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
                    SchemaViolation failure = AttributeDefinitions.check(attribute.getValue(),
                            List.of("attributes", attribute.getKey()), forUpdate);
                    if (failure != null) {
                        return failure;
                    }
                }
            } else {
                return SchemaViolation.at(keyPath, "extra keys not allowed");
            }
        }
        // Gnocchi fails with a 500 when the name is missing; a schema error is what it meant to say.
        if (!map.containsKey("name")) {
            return SchemaViolation.at(List.of("name"), "required key not provided");
        }
        return null;
    }

    static Map<?, ?> attributesOf(Map<?, ?> body) {
        return body.get("attributes") instanceof Map<?, ?> attributes ? attributes : Map.of();
    }

    static List<AttributeAddition> buildAll(Map<?, ?> definitions, boolean forUpdate) {
        List<AttributeAddition> built = new ArrayList<>();
        for (Map.Entry<?, ?> entry : definitions.entrySet()) {
            built.add(AttributeDefinitions.build((String) entry.getKey(), (Map<?, ?>) entry.getValue(), forUpdate));
        }
        return built;
    }
}

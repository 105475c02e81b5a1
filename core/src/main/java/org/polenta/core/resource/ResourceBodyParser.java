package org.polenta.core.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.resource.type.AttributeSchema;
import org.polenta.core.resource.type.AttributeValueException;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.time.Timestamps;
import org.polenta.core.validation.SchemaViolation;

/**
 * Checks resource bodies as Gnocchi's ResourceSchema does (voluptuous: the first failing key in body order, then
 * missing required keys): started_at/ended_at are timestamps, user_id/project_id text or null, attributes follow
 * the type; on create "id" and the required attributes must be there, on PATCH nothing is required and "id" is
 * refused. Where Gnocchi 4.4.2 crashes (a null timestamp, a non-text id) Polenta decides: ended_at and optional
 * datetime attributes may be null (cleared), started_at may not, a non-text id "expected str".
 */
public final class ResourceBodyParser {

    private static final String NOT_VALID = "not a valid value";

    private ResourceBodyParser() {
    }

    /** @throws StructuredInvalidInputException as a body that fails its schema */
    public static ResourceBody parseCreate(Object body, ResourceType type, String creator) {
        return parse(body, type, creator, true);
    }

    /** @throws StructuredInvalidInputException as a body that fails its schema */
    public static ResourceBody parsePatch(Object body, ResourceType type) {
        return parse(body, type, null, false);
    }

    /**
     * Gnocchi's check that a resource does not end before it starts: on create "Start timestamp cannot be after
     * end timestamp"; on update, the indexer's "Value 2014-01-01 00:00:00+00:00 for attribute ended_at on resource
     * type generic is invalid".
     */
    public static void requireStartNotAfterEnd(Long startedAt, Long endedAt, String typeName, boolean create) {
        if (startedAt == null || endedAt == null || startedAt <= endedAt) {
            return;
        }
        if (create) {
            throw new InvalidInputException("Start timestamp cannot be after end timestamp");
        }
        String iso = Timestamps.format(endedAt);
        throw new InvalidInputException("Value " + iso.replace('T', ' ') + " for attribute ended_at on resource type "
                + typeName + " is invalid");
    }

    private static ResourceBody parse(Object body, ResourceType type, String creator, boolean create) {
        if (!(body instanceof Map<?, ?> map)) {
            throw SchemaViolation.at(List.of(), "expected a dictionary").toException();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        UUID id = null;
        String originalId = null;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            List<Object> path = List.of(key);
            switch (key) {
                case "id" -> {
                    if (!create) {
                        throw SchemaViolation.at(path, "extra keys not allowed").toException();
                    }
                    if (!(value instanceof String text)) {
                        throw SchemaViolation.dictionaryValue(path, "expected str").toException();
                    }
                    try {
                        id = ResourceIds.transform(text, creator);
                    } catch (IllegalArgumentException e) {
                        throw SchemaViolation.dictionaryValue(path, e.getMessage()).toException();
                    }
                    originalId = text;
                }
                case "started_at", "ended_at" -> {
                    if (value == null && key.equals("ended_at")) {
                        fields.put(key, null);
                    } else {
                        fields.put(key, timestamp(value, path));
                    }
                }
                case "user_id", "project_id" -> {
                    if (value != null && !(value instanceof String)) {
                        throw SchemaViolation.dictionaryValue(path, NOT_VALID).toException();
                    }
                    fields.put(key, value);
                }
                case "metrics" -> {
                    if (!(value instanceof Map<?, ?>)) {
                        throw SchemaViolation.dictionaryValue(path, "expected a dictionary").toException();
                    }
                    fields.put(key, value);
                }
                default -> {
                    AttributeSchema attribute = type.attribute(key).orElseThrow(() ->
                            SchemaViolation.at(path, "extra keys not allowed").toException());
                    fields.put(key, attributeValue(attribute, value, path));
                }
            }
        }
        if (create) {
            List<String> missing = new ArrayList<>();
            if (id == null) {
                missing.add("id");
            }
            type.attributes().stream().filter(AttributeSchema::required).map(AttributeSchema::name)
                    .filter(name -> !fields.containsKey(name)).forEach(missing::add);
            if (!missing.isEmpty()) {
                throw SchemaViolation.at(List.of(missing.get(0)), "required key not provided").toException();
            }
            Long startedAt = (Long) fields.get("started_at");
            requireStartNotAfterEnd(startedAt, (Long) fields.get("ended_at"), type.name(), true);
        }
        return new ResourceBody(id, originalId, fields);
    }

    private static Object attributeValue(AttributeSchema attribute, Object value, List<Object> path) {
        if (value == null && !attribute.required() && attribute.typeName().equals("datetime")) {
            return null;
        }
        try {
            return attribute.validate(value);
        } catch (AttributeValueException e) {
            throw SchemaViolation.dictionaryValue(path, e.getMessage()).toException();
        }
    }

    private static long timestamp(Object value, List<Object> path) {
        try {
            return Timestamps.parse(value);
        } catch (InvalidInputException e) {
            throw SchemaViolation.dictionaryValue(path, NOT_VALID).toException();
        }
    }
}

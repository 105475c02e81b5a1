package org.polenta.core.resource.type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InUseException;
import org.polenta.core.errors.NoSuchEntityException;

/** A resource type: its name, its attributes in declaration order, and where it is in its life cycle. */
public record ResourceType(String name, List<AttributeSchema> attributes, ResourceTypeState state) {

    public static final String GENERIC_NAME = "generic";

    /** The built-in type every Gnocchi has: no attributes of its own, never deleted. */
    public static final ResourceType GENERIC = new ResourceType(GENERIC_NAME, List.of(), ResourceTypeState.ACTIVE);

    public ResourceType {
        attributes = List.copyOf(attributes);
    }

    public Optional<AttributeSchema> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    public ResourceType withState(ResourceTypeState newState) {
        return new ResourceType(name, attributes, newState);
    }

    /** Gnocchi's JSON: {"name", "attributes": {name: {...}}, "state"}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("attributes", attributesJson());
        json.put("state", state.wireName());
        return json;
    }

    public Map<String, Object> attributesJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        attributes.forEach(a -> json.put(a.name(), a.toJson()));
        return json;
    }

    public static NoSuchEntityException noSuchType(String typeName) {
        return new NoSuchEntityException("Resource type " + typeName + " does not exist");
    }

    public static AlreadyExistsException alreadyExists(String typeName) {
        return new AlreadyExistsException("Resource type " + typeName + " already exists");
    }

    /** Also what deleting "generic" gives. */
    public static InUseException inUse(String typeName) {
        return new InUseException("Resource type " + typeName + " is still in use");
    }
}

package org.polenta.core.resource.type;

import java.util.ArrayList;
import java.util.List;

/** What a PATCH of a resource type changes: attributes added (with their fill) and attribute names removed. */
public record ResourceTypeUpdate(List<AttributeAddition> added, List<String> removed) {

    public ResourceTypeUpdate {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Gnocchi answers such a PATCH with the type as it is, and touches nothing. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    /** The type after the update: kept attributes in their order, then the added ones. */
    public ResourceType applyTo(ResourceType current) {
        List<AttributeSchema> attributes = new ArrayList<>();
        for (AttributeSchema attribute : current.attributes()) {
            if (!removed.contains(attribute.name())) {
                attributes.add(attribute);
            }
        }
        added.forEach(addition -> attributes.add(addition.attribute()));
        return new ResourceType(current.name(), attributes, current.state());
    }
}

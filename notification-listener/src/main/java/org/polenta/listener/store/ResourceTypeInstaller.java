package org.polenta.listener.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeParser;
import org.polenta.core.resource.type.ResourceTypePatch;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.core.resource.type.ResourceTypeUpdate;
import org.polenta.listener.mapping.AttributeMapping;
import org.polenta.listener.mapping.ResourceTypeMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ceilometer-upgrade does to Gnocchi's resource types: creates the mapped types that are missing and adds the
 * attributes an existing type lacks (never removes one, never changes one an operator altered). A required
 * attribute can only be added with a fill value (the file's options.fill), as Gnocchi requires; one without is
 * reported and left out.
 */
public final class ResourceTypeInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceTypeInstaller.class);

    private final ResourceTypeRepository types;

    public ResourceTypeInstaller(ResourceTypeRepository types) {
        this.types = types;
    }

    /** @return the names of the types this call created or changed */
    public List<String> install(Map<String, ResourceTypeMapping> mapped) {
        List<String> changed = new ArrayList<>();
        for (ResourceTypeMapping type : mapped.values()) {
            if (type.name().equals(ResourceType.GENERIC_NAME)) {
                continue;
            }
            Optional<ResourceType> existing = types.get(type.name());
            boolean done = existing.isEmpty() ? create(type) : addMissingAttributes(existing.get(), type);
            if (done) {
                changed.add(type.name());
            }
        }
        if (!changed.isEmpty()) {
            LOG.info("created or completed resource types {}", changed);
        }
        return changed;
    }

    private boolean create(ResourceTypeMapping type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", type.name());
        // options (fill) only mean something when an attribute is added to an existing type; Gnocchi refuses them
        // in a creation.
        Map<String, Object> attributes = new LinkedHashMap<>();
        schemas(type).forEach((name, schema) -> {
            Map<String, Object> withoutOptions = new LinkedHashMap<>(schema);
            withoutOptions.remove("options");
            attributes.put(name, withoutOptions);
        });
        body.put("attributes", attributes);
        try {
            types.create(ResourceTypeParser.parse(body));
            return true;
        } catch (AlreadyExistsException e) {
            return false;
        }
    }

    private boolean addMissingAttributes(ResourceType existing, ResourceTypeMapping type) {
        Map<String, Object> patched = new LinkedHashMap<>(existing.toJson());
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) patched.get("attributes"));
        schemas(type).forEach(attributes::putIfAbsent);
        patched.put("attributes", attributes);
        ResourceTypeUpdate update;
        try {
            update = ResourceTypePatch.result(existing, patched);
        } catch (InvalidInputException e) {
            LOG.warn("cannot add the missing attributes of resource type {}: {}", type.name(), e.getMessage());
            return false;
        }
        if (update.isEmpty()) {
            return false;
        }
        types.update(type.name(), update);
        return true;
    }

    private static Map<String, Map<String, Object>> schemas(ResourceTypeMapping type) {
        Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();
        for (AttributeMapping attribute : type.attributes().values()) {
            schemas.put(attribute.name(), attribute.schema());
        }
        return schemas;
    }
}

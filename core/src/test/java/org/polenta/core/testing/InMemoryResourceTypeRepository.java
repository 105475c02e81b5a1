package org.polenta.core.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.polenta.core.resource.type.AttributeAddition;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.core.resource.type.ResourceTypeState;
import org.polenta.core.resource.type.ResourceTypeUpdate;

/** The in-memory twin of the Cassandra resource types, rewriting the resources of its in-memory twin. */
public final class InMemoryResourceTypeRepository implements ResourceTypeRepository {

    private final Map<String, ResourceType> types = new TreeMap<>();
    private final InMemoryResourceRepository resources;

    public InMemoryResourceTypeRepository(InMemoryResourceRepository resources) {
        this.resources = resources;
        types.put(ResourceType.GENERIC_NAME, ResourceType.GENERIC);
    }

    @Override
    public synchronized ResourceType create(ResourceType type) {
        if (types.containsKey(type.name())) {
            throw ResourceType.alreadyExists(type.name());
        }
        ResourceType active = type.withState(ResourceTypeState.ACTIVE);
        types.put(type.name(), active);
        return active;
    }

    @Override
    public synchronized Optional<ResourceType> get(String name) {
        return Optional.ofNullable(types.get(name));
    }

    @Override
    public synchronized List<ResourceType> list() {
        return List.copyOf(types.values());
    }

    @Override
    public synchronized ResourceType update(String name, ResourceTypeUpdate update) {
        ResourceType current = get(name).orElseThrow(() -> ResourceType.noSuchType(name));
        if (update.isEmpty()) {
            return current;
        }
        current.state().startUpdate(name);
        resources.rewriteAttributes(name, attributes -> {
            Map<String, Object> rewritten = new LinkedHashMap<>(attributes);
            update.removed().forEach(rewritten::remove);
            for (AttributeAddition addition : update.added()) {
                rewritten.put(addition.attribute().name(), addition.fill());
            }
            return rewritten;
        });
        ResourceType updated = update.applyTo(current).withState(ResourceTypeState.ACTIVE);
        types.put(name, updated);
        return updated;
    }

    @Override
    public synchronized void delete(String name) {
        if (ResourceType.GENERIC_NAME.equals(name)) {
            throw ResourceType.inUse(name);
        }
        ResourceType current = get(name).orElseThrow(() -> ResourceType.noSuchType(name));
        current.state().startDeletion(name);
        if (resources.hasResourcesOfType(name)) {
            throw ResourceType.inUse(name);
        }
        types.remove(name);
    }

    /** For tests of the life cycle: puts a type in a state no public operation leaves it in. */
    public synchronized void forceState(String name, ResourceTypeState state) {
        types.computeIfPresent(name, (n, type) -> type.withState(state));
    }
}

package org.polenta.listener.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.core.resource.type.ResourceTypeState;

/**
 * Resource types by name, read from the repository at most once per {@code ttlMillis} per type: every sample
 * needs its type's schema, and types change rarely (an attribute added by an operator is picked up within the
 * ttl). Only active types are kept; a type that is missing or busy is asked for again next time. Thread-safe.
 */
final class ResourceTypeLookup {

    private final ResourceTypeRepository types;
    private final long ttlMillis;
    private final LongSupplier clockMillis;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ResourceType type, long expiresAt) {
    }

    ResourceTypeLookup(ResourceTypeRepository types, long ttlMillis, LongSupplier clockMillis) {
        this.types = types;
        this.ttlMillis = ttlMillis;
        this.clockMillis = clockMillis;
    }

    /** The type in whatever state the repository has it; empty when it does not exist. */
    Optional<ResourceType> get(String name) {
        long now = clockMillis.getAsLong();
        Cached cached = cache.get(name);
        if (cached != null && cached.expiresAt() >= now) {
            return Optional.of(cached.type());
        }
        Optional<ResourceType> type = types.get(name);
        type.filter(t -> t.state() == ResourceTypeState.ACTIVE).ifPresentOrElse(
                t -> cache.put(name, new Cached(t, now + ttlMillis)), () -> cache.remove(name));
        return type;
    }
}

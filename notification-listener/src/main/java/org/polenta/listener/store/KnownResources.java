package org.polenta.listener.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.polenta.core.resource.Resource;

/**
 * The resources the sink has recently read or written, so that the steady state (the same resources reporting
 * the same attributes every polling interval) costs no index read at all. Bounded (least recently used out) and
 * expiring, so that a change made through the API (a metric deleted, an attribute patched) is seen again within
 * {@code ttlMillis}; this is the staleness Ceilometer's publisher accepts with its attribute cache. Thread-safe.
 */
final class KnownResources {

    private final int capacity;
    private final long ttlMillis;
    private final LongSupplier clockMillis;
    private final LinkedHashMap<UUID, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(Resource resource, long expiresAt) {
    }

    KnownResources(int capacity, long ttlMillis, LongSupplier clockMillis) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.clockMillis = clockMillis;
    }

    synchronized void remember(Resource resource) {
        entries.put(resource.id(), new Entry(resource, clockMillis.getAsLong() + ttlMillis));
        if (entries.size() > capacity) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    synchronized void forget(UUID id) {
        entries.remove(id);
    }

    /**
     * The remembered version when it already has every named metric and every given attribute value, so that
     * nothing needs to be written; null otherwise.
     */
    synchronized Resource covering(UUID id, String type, Map<String, Object> attributes, Iterable<String> metricNames) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAt() < clockMillis.getAsLong()) {
            entries.remove(id);
            return null;
        }
        Resource resource = entry.resource();
        for (String name : metricNames) {
            if (!resource.metrics().containsKey(name)) {
                return null;
            }
        }
        // Attributes only count on a resource of the mapped type; on another type they are never written.
        if (resource.type().equals(type)) {
            for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
                if (!Objects.equals(resource.attributes().get(attribute.getKey()), attribute.getValue())) {
                    return null;
                }
            }
        }
        return resource;
    }
}

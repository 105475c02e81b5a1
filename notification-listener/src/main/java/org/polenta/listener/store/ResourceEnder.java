package org.polenta.listener.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.paging.SortKey;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceBody;
import org.polenta.core.resource.ResourceChanges;
import org.polenta.core.resource.ResourceIds;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.ResourceRevisionConflictException;
import org.polenta.core.resource.search.BoundFilter;
import org.polenta.core.resource.search.ComparisonOperator;
import org.polenta.core.resource.search.ResourceFilter;
import org.polenta.core.resource.search.ResourceFilterBinder;
import org.polenta.core.resource.search.ResourceQueryPlanner;
import org.polenta.core.resource.search.ResourceSorting;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.listener.mapping.ResourceEnding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets ended_at of a resource a service says is gone (Ceilometer's event_delete) and of the resources that end
 * with it (an instance's disks and network interfaces). A resource already ended keeps its first ended_at, so a
 * redelivered notification changes nothing; one that does not exist (never sampled) is left alone, as
 * Ceilometer's PATCH gets a 404 it ignores. Thread-safe.
 */
final class ResourceEnder {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceEnder.class);
    private static final int MAX_ATTEMPTS = 50;
    private static final int PAGE = 500;

    private final ResourceRepository resources;
    private final ResourceTypeLookup types;
    private final String creator;
    private final Clock clock;

    ResourceEnder(ResourceRepository resources, ResourceTypeLookup types, String creator, Clock clock) {
        this.resources = resources;
        this.types = types;
        this.creator = creator;
        this.clock = clock;
    }

    /** @return how many resources this call ended */
    int end(ResourceEnding ending) {
        UUID id;
        try {
            id = ResourceIds.transform(ending.resourceId(), creator);
        } catch (IllegalArgumentException e) {
            LOG.info("{} names no possible resource ({}): {}", ending.eventType(), ending.resourceId(), e.getMessage());
            return 0;
        }
        int ended = endOne(ending.resourceType(), id, ending.endedAtNanos()) ? 1 : 0;
        for (Map.Entry<String, String> dependent : ending.alsoEnd().entrySet()) {
            for (Resource resource : holding(dependent.getKey(), dependent.getValue(), ending.originalResourceId())) {
                ended += endOne(resource.type(), resource.id(), ending.endedAtNanos()) ? 1 : 0;
            }
        }
        return ended;
    }

    private boolean endOne(String type, UUID id, long endedAt) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Resource> current = resources.get(type, id);
            if (current.isEmpty() || current.get().endedAt() != null) {
                return false;
            }
            Resource base = current.get();
            // Never before it started: the resource's started_at is this service's clock at first sight, the
            // notification's time is the sender's.
            ResourceBody patch = new ResourceBody(null, null, Map.of("ended_at", Math.max(endedAt, base.startedAt())));
            try {
                resources.update(base, ResourceChanges.apply(base, patch, now()), true);
                return true;
            } catch (ResourceRevisionConflictException e) {
                // changed meanwhile: read it again
            } catch (NoSuchEntityException e) {
                return false;
            }
        }
        throw new IllegalStateException("resource " + id + " keeps changing concurrently; the ending will be retried");
    }

    /** The resources of {@code typeName} whose attribute holds {@code value} (all pages). */
    private List<Resource> holding(String typeName, String attribute, String value) {
        Optional<ResourceType> type = types.get(typeName);
        if (type.isEmpty() || type.get().attribute(attribute).isEmpty()) {
            return List.of();
        }
        BoundFilter filter;
        try {
            filter = ResourceFilterBinder.bind(
                    new ResourceFilter.Comparison(ComparisonOperator.EQ, attribute, value), type.get(), false);
        } catch (RuntimeException e) {
            // The value cannot be one of that attribute's (e.g. not a UUID): nothing can hold it.
            return List.of();
        }
        List<SortKey> sort = ResourceSorting.keys(List.of(), false);
        var plan = ResourceQueryPlanner.plan(filter, typeName, false);
        List<Resource> all = new java.util.ArrayList<>();
        String marker = null;
        while (true) {
            List<Resource> page = resources.search(plan, sort, PAGE, marker);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            marker = ResourceSorting.marker(page.get(page.size() - 1), false);
        }
    }

    private long now() {
        Instant instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + (instant.getNano() / 1_000) * 1_000L;
    }
}

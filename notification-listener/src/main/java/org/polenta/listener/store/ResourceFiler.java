package org.polenta.listener.store;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceBody;
import org.polenta.core.resource.ResourceChanges;
import org.polenta.core.resource.ResourceIds;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.ResourceRevisionConflictException;
import org.polenta.core.resource.type.AttributeSchema;
import org.polenta.core.resource.type.ResourceType;

/**
 * Makes sure the resource a batch's samples belong to exists, carries their attributes and has their metrics:
 * created on first sight with the mapped type (id transformed as Gnocchi's ResourceUUID does, with the listener's
 * creator), a new revision only when an attribute value changes, named metrics added in place. Every step can be
 * repeated after a failure or a redelivery without changing the outcome. Thread-safe.
 */
final class ResourceFiler {

    /** Filing gives up (and the batch is retried later) rather than spinning on a resource changed in a loop. */
    private static final int MAX_ATTEMPTS = 50;

    /** What became of a request: the ids of its metrics, or why the resource cannot be stored. */
    record Filed(Map<String, UUID> metricIds, String refusal) {

        static Filed refused(String why) {
            return new Filed(Map.of(), why);
        }

        boolean isRefused() {
            return refusal != null;
        }
    }

    private final ResourceRepository resources;
    private final ResourceTypeLookup types;
    private final NamedMetricCreator metricCreator;
    private final KnownResources known;
    private final String creator;
    private final Clock clock;

    ResourceFiler(ResourceRepository resources, ResourceTypeLookup types, NamedMetricCreator metricCreator,
                  KnownResources known, String creator, Clock clock) {
        this.resources = resources;
        this.types = types;
        this.metricCreator = metricCreator;
        this.known = known;
        this.creator = creator;
        this.clock = clock;
    }

    Filed file(ResourceRequest request) {
        UUID id;
        try {
            id = ResourceIds.transform(request.resourceId(), creator);
        } catch (IllegalArgumentException e) {
            return Filed.refused("resource id " + request.resourceId() + ": " + e.getMessage());
        }
        Optional<ResourceType> found = types.get(request.type());
        if (found.isEmpty()) {
            return Filed.refused("resource type " + request.type() + " does not exist");
        }
        ResourceType type = found.get();
        switch (type.state()) {
            case ACTIVE -> { }
            // Being created or changed right now: the batch is retried in a moment.
            case CREATING, UPDATING -> throw new IllegalStateException(
                    "resource type " + type.name() + " is " + type.state().wireName());
            // Broken or going away: waiting would hold every queue up for as long as an operator takes.
            default -> {
                return Filed.refused("resource type " + type.name() + " is " + type.state().wireName());
            }
        }
        CheckedAttributes attributes = CheckedAttributes.check(type, request.attributes());
        Resource cached = known.covering(id, type.name(), attributes.values(), request.metrics().keySet());
        if (cached != null) {
            return new Filed(cached.metrics(), null);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Resource> current = resources.get(ResourceType.GENERIC_NAME, id);
            Optional<Filed> filed = current.isEmpty()
                    ? create(id, type, request, attributes)
                    : update(current.get(), type, request, attributes);
            if (filed.isPresent()) {
                return filed.get();
            }
        }
        throw new IllegalStateException("resource " + id + " keeps changing concurrently; the batch will be retried");
    }

    /** Empty when the resource was created meanwhile by someone else: the caller reads it and updates it. */
    private Optional<Filed> create(UUID id, ResourceType type, ResourceRequest request, CheckedAttributes attributes) {
        if (attributes.missingRequired() != null) {
            return Optional.of(Filed.refused("resource " + request.resourceId() + ": " + attributes.missingRequired()));
        }
        Map<String, UUID> metricIds = metricCreator.create(id, request.metrics().values());
        Map<String, Object> allAttributes = new LinkedHashMap<>();
        for (AttributeSchema attribute : type.attributes()) {
            allAttributes.put(attribute.name(), attributes.values().get(attribute.name()));
        }
        long now = now();
        Resource resource = new Resource(id, request.resourceId(), type.name(), creator, request.userId(),
                request.projectId(), now, null, 1, now, null, metricIds, allAttributes);
        try {
            resources.create(resource);
        } catch (AlreadyExistsException e) {
            return Optional.empty();
        }
        known.remember(resource);
        return Optional.of(new Filed(metricIds, null));
    }

    /** Empty when the resource changed or vanished meanwhile: the caller reads it again. */
    private Optional<Filed> update(Resource base, ResourceType type, ResourceRequest request, CheckedAttributes attributes) {
        List<ResourceRequest.NewMetric> missing = request.metrics().values().stream()
                .filter(m -> !base.metrics().containsKey(m.name())).toList();
        // Attributes are the mapped type's: on a resource someone created with another type they mean nothing.
        ResourceBody patch = new ResourceBody(null, null,
                base.type().equals(type.name()) ? attributes.values() : Map.of());
        boolean newRevision = ResourceChanges.outcome(base, patch) == ResourceChanges.Outcome.NEW_REVISION;
        if (!newRevision && missing.isEmpty()) {
            known.remember(base);
            return Optional.of(new Filed(base.metrics(), null));
        }
        Map<String, UUID> metricIds = new LinkedHashMap<>(base.metrics());
        metricIds.putAll(metricCreator.create(base.id(), missing));
        Resource next = (newRevision ? ResourceChanges.apply(base, patch, now()) : base).withMetrics(metricIds);
        try {
            Resource stored = resources.update(base, next, newRevision);
            known.remember(stored);
            return Optional.of(new Filed(stored.metrics(), null));
        } catch (ResourceRevisionConflictException | NoSuchEntityException e) {
            known.forget(base.id());
            return Optional.empty();
        }
    }

    private long now() {
        Instant instant = clock.instant();
        // Gnocchi's timestamps have microseconds.
        return instant.getEpochSecond() * 1_000_000_000L + (instant.getNano() / 1_000) * 1_000L;
    }
}

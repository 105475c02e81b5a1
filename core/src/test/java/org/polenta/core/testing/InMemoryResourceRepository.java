package org.polenta.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.paging.Pagination;
import org.polenta.core.paging.SortKey;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.ResourceRevisionConflictException;
import org.polenta.core.resource.search.ResourceQueryPlan;
import org.polenta.core.resource.search.ResourceSorting;
import org.polenta.core.resource.type.ResourceType;

/** The in-memory twin of the Cassandra resource index: every version of every resource, under one lock. */
public final class InMemoryResourceRepository implements ResourceRepository {

    private final Map<UUID, List<Resource>> versions = new HashMap<>();

    @Override
    public synchronized void create(Resource resource) {
        if (versions.containsKey(resource.id())) {
            throw new AlreadyExistsException("Resource " + resource.id() + " already exists");
        }
        List<Resource> list = new ArrayList<>();
        list.add(resource);
        versions.put(resource.id(), list);
    }

    @Override
    public synchronized Optional<Resource> get(String type, UUID id) {
        return Optional.ofNullable(versions.get(id)).map(list -> list.get(list.size() - 1))
                .filter(r -> ResourceType.GENERIC_NAME.equals(type) || r.type().equals(type));
    }

    @Override
    public synchronized Resource update(Resource current, Resource next, boolean newRevision) {
        List<Resource> list = versions.get(current.id());
        if (list == null) {
            throw new NoSuchEntityException("Resource " + current.id() + " does not exist");
        }
        Resource stored = list.get(list.size() - 1);
        if (stored.revision() != current.revision()) {
            throw new ResourceRevisionConflictException(current.id(), current.revision());
        }
        Resource result;
        if (newRevision) {
            list.set(list.size() - 1, stored.withRevision(stored.revision(), stored.revisionStart(), next.revisionStart()));
            result = next.withRevision(stored.revision() + 1, next.revisionStart(), null);
            list.add(result);
        } else {
            result = next.withRevision(stored.revision(), stored.revisionStart(), null);
            list.set(list.size() - 1, result);
        }
        return result;
    }

    @Override
    public synchronized List<Resource> history(UUID id) {
        List<Resource> list = versions.get(id);
        return list == null ? List.of() : List.copyOf(list);
    }

    @Override
    public synchronized void delete(UUID id) {
        if (versions.remove(id) == null) {
            throw new NoSuchEntityException("Resource " + id + " does not exist");
        }
    }

    /** Whether a resource of the type exists (what makes deleting the type fail). */
    public synchronized boolean hasResourcesOfType(String type) {
        return versions.values().stream().anyMatch(list -> list.get(list.size() - 1).type().equals(type));
    }

    /** Rewrites the attributes of every version of every resource of the type (a type's attribute change). */
    public synchronized void rewriteAttributes(String type, UnaryOperator<Map<String, Object>> rewrite) {
        for (List<Resource> list : versions.values()) {
            list.replaceAll(r -> !r.type().equals(type) ? r : new Resource(r.id(), r.originalResourceId(), r.type(),
                    r.creator(), r.userId(), r.projectId(), r.startedAt(), r.endedAt(), r.revision(),
                    r.revisionStart(), r.revisionEnd(), r.metrics(), rewrite.apply(r.attributes())));
        }
    }

    @Override
    public synchronized List<Resource> search(ResourceQueryPlan plan, List<SortKey> sort, int limit, String marker) {
        boolean generic = ResourceType.GENERIC_NAME.equals(plan.resourceType());
        List<Resource> candidates = new ArrayList<>();
        for (List<Resource> list : versions.values()) {
            for (Resource version : plan.history() ? list : List.of(list.get(list.size() - 1))) {
                if (generic || version.type().equals(plan.resourceType())) {
                    candidates.add(version);
                }
            }
        }
        Resource markerRow = null;
        if (marker != null) {
            // Gnocchi resolves the marker among all rows of the listing, whatever the filter.
            markerRow = candidates.stream().filter(r -> ResourceSorting.isMarked(r, marker, plan.history()))
                    .findFirst().orElseThrow(() -> new InvalidInputException(
                            "Invalid pagination: `Invalid marker: `" + marker + "''"));
        }
        List<Resource> matching = candidates.stream().filter(plan.residual()::matches).toList();
        return Pagination.pageAfter(matching, sort, null, ResourceSorting::field, markerRow, limit);
    }
}

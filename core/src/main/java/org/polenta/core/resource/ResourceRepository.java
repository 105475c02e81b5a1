package org.polenta.core.resource;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.polenta.core.paging.SortKey;
import org.polenta.core.resource.search.ResourceQueryPlan;

/**
 * Where resources and their past versions live. Implementations are thread-safe. Resource types are the
 * caller's business (it checks bodies and filters against them); the repository stores what it is given.
 */
public interface ResourceRepository {

    /**
     * Stores a new resource (its first version).
     *
     * @throws org.polenta.core.errors.AlreadyExistsException "Resource {id} already exists"
     */
    void create(Resource resource);

    /** The current version; with type "generic" any type matches, otherwise only that type. */
    Optional<Resource> get(String type, UUID id);

    /**
     * Replaces the current version {@code current} by {@code next} only if {@code current.revision()} is still
     * the current revision (compare-and-set). With {@code newRevision}, {@code current} is kept in history, ended
     * at {@code next.revisionStart()}, and {@code next} gets revision current.revision() + 1; without (a change
     * of metrics only, as Gnocchi's create_revision=False), {@code next} overwrites the version in place and keeps
     * its revision and revision_start.
     *
     * @return the stored version
     * @throws ResourceRevisionConflictException when another update came first (re-read and retry)
     * @throws org.polenta.core.errors.NoSuchEntityException "Resource {id} does not exist"
     */
    Resource update(Resource current, Resource next, boolean newRevision);

    /** Every version, oldest first, the current one last; empty if the resource does not exist. */
    List<Resource> history(UUID id);

    /** @throws org.polenta.core.errors.NoSuchEntityException "Resource {id} does not exist" */
    void delete(UUID id);

    /**
     * One page of the resources the plan selects (past versions too when the plan says history), sorted by
     * {@code sort} (which ends with the unique keys: id, and revision with history), after {@code marker}: an id,
     * or "id@revision" with history.
     *
     * @throws org.polenta.core.errors.InvalidInputException "Invalid pagination: `Invalid marker: `X''" and
     *         the other errors of {@link org.polenta.core.paging.Pagination}
     */
    List<Resource> search(ResourceQueryPlan plan, List<SortKey> sort, int limit, String marker);
}

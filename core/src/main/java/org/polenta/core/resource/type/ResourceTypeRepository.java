package org.polenta.core.resource.type;

import java.util.List;
import java.util.Optional;

/**
 * Where resource types live, with Gnocchi's life cycle (ResourceTypeState): the built-in "generic" type is
 * always there, a type moves through "updating" while its attributes change and through "deleting" on its way
 * out, and a failed step leaves it in the matching error state. Implementations are thread-safe.
 *
 * <p>Changing a type's attributes is the storage's "ALTER TABLE": every resource of the type, and each of its
 * past versions, receives an added attribute with its fill value (null without one) and loses a removed one.
 */
public interface ResourceTypeRepository {

    /**
     * Stores a new type; it is stored "creating" and made "active" before this returns.
     *
     * @return the stored type (active)
     * @throws org.polenta.core.errors.AlreadyExistsException "Resource type {name} already exists"
     */
    ResourceType create(ResourceType type);

    /** The type in whatever state it is; "generic" is always present. */
    Optional<ResourceType> get(String name);

    /** Every type, "generic" included, by name as Gnocchi lists them. */
    List<ResourceType> list();

    /**
     * Applies an attribute change: active -> updating, existing resources and their history rewritten,
     * -> active; a failure of the rewrite leaves the type "updating_error" and is rethrown. An empty update
     * changes nothing (Gnocchi answers with the type as it is).
     *
     * @return the type after the update
     * @throws org.polenta.core.errors.NoSuchEntityException "Resource type {name} does not exist"
     * @throws UnexpectedResourceTypeStateException when the type is not active
     */
    ResourceType update(String name, ResourceTypeUpdate update);

    /**
     * Deletes a type that no resource uses: -> deleting, then gone.
     *
     * @throws org.polenta.core.errors.NoSuchEntityException "Resource type {name} does not exist"
     * @throws org.polenta.core.errors.InUseException "Resource type {name} is still in use" (always for "generic")
     * @throws UnexpectedResourceTypeStateException when the type is creating, updating or already deleting
     */
    void delete(String name);
}

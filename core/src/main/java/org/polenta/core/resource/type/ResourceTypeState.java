package org.polenta.core.resource.type;

import java.util.Set;

/**
 * The life cycle of a resource type, as Gnocchi's indexer drives it: a type is created "creating", becomes
 * "active" when its storage exists, goes through "updating" for attribute changes and "deleting" on the way out;
 * a failed step parks it in the matching error state. Only an active type takes resources; a type in an error
 * state (or active) may still be deleted.
 */
public enum ResourceTypeState {
    CREATING("creating"),
    ACTIVE("active"),
    CREATION_ERROR("creation_error"),
    UPDATING("updating"),
    UPDATING_ERROR("updating_error"),
    DELETING("deleting"),
    DELETION_ERROR("deletion_error");

    private static final Set<ResourceTypeState> DELETABLE = Set.of(ACTIVE, DELETION_ERROR, CREATION_ERROR, UPDATING_ERROR);

    private final String wireName;

    ResourceTypeState(String wireName) {
        this.wireName = wireName;
    }

    /** The name Gnocchi shows in the "state" field. */
    public String wireName() {
        return wireName;
    }

    public static ResourceTypeState fromWireName(String name) {
        for (ResourceTypeState state : values()) {
            if (state.wireName.equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown resource type state " + name);
    }

    /** Resources of the type may be created, read, listed. */
    public void requireActive(String typeName) {
        if (this != ACTIVE) {
            throw new UnexpectedResourceTypeStateException(typeName, "active", this);
        }
    }

    /** Entering an attribute update. */
    public ResourceTypeState startUpdate(String typeName) {
        requireActive(typeName);
        return UPDATING;
    }

    /** Entering deletion. */
    public ResourceTypeState startDeletion(String typeName) {
        if (!DELETABLE.contains(this)) {
            throw new UnexpectedResourceTypeStateException(typeName,
                    "active/deletion_error/creation_error/updating_error", this);
        }
        return DELETING;
    }

    /** Where a transitional state goes when its storage work succeeded (a deleted type simply disappears). */
    public ResourceTypeState succeeded() {
        return switch (this) {
            case CREATING, UPDATING -> ACTIVE;
            default -> throw new IllegalStateException("No pending work in state " + wireName);
        };
    }

    /** Where a transitional state goes when its storage work failed. */
    public ResourceTypeState failed() {
        return switch (this) {
            case CREATING -> CREATION_ERROR;
            case UPDATING -> UPDATING_ERROR;
            case DELETING -> DELETION_ERROR;
            default -> throw new IllegalStateException("No pending work in state " + wireName);
        };
    }

    @Override
    public String toString() {
        return wireName;
    }
}

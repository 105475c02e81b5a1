package org.polenta.core.resource.search;

import java.util.UUID;

/**
 * One index read that a storage can serve without scanning everything: the rows it yields are a superset of
 * what its part of the filter keeps. A plan unions several scans (an OR of indexable terms); the residual filter
 * is then applied to every row.
 *
 * <p>Columns: "type", "user_id", "creator", "created_by_project_id", "started_at", "ended_at", "revision_start",
 * or "attributes.NAME" for an attribute of the listed type. Values are typed as {@link FieldKind} says (Long
 * epoch nanoseconds for times).
 */
public sealed interface IndexScan {

    /** How selective the scan is expected to be: lower is better. */
    int rank();

    /** The resource with this id (primary key lookup). */
    record ById(UUID id) implements IndexScan {
        @Override
        public int rank() {
            return 0;
        }
    }

    /**
     * Every resource of a project (the project_id partition): one contiguous read, as large as a tenant. With no
     * statistics to go by, this beats an attribute equality, whose selectivity is unknown (a flavor or a status
     * can match a quarter of the index: an admin's "these projects, that flavor" took 2.4 s over 100k resources
     * through the flavor index).
     */
    record ByProject(String projectId) implements IndexScan {
        @Override
        public int rank() {
            return 1;
        }
    }

    /** An equality on an indexed column (never NULL: indexes do not hold NULLs). */
    record Equals(String column, Object value) implements IndexScan {
        @Override
        public int rank() {
            return switch (column) {
                case "type" -> 4;
                default -> 2;
            };
        }
    }

    /** A range on an indexed column; a null bound is open. */
    record Range(String column, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive)
            implements IndexScan {
        @Override
        public int rank() {
            return 3;
        }
    }

    /**
     * The resources whose string column starts with {@code prefix} (a LIKE with fixed leading text). A storage
     * that cannot serve it cheaply (too many matches to sort) may read the listed type instead.
     */
    record Prefix(String column, String prefix) implements IndexScan {
        @Override
        public int rank() {
            return 3;
        }
    }

    /** Everything (paged by the storage's own order). */
    record FullScan() implements IndexScan {
        @Override
        public int rank() {
            return 5;
        }
    }
}

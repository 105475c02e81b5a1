package org.polenta.core.resource.search;

/** How a filterable field's values are typed and compared (Gnocchi's column types). */
public enum FieldKind {
    /** The resource id, a UUID ordered as its text (PostgreSQL's uuid order). */
    ID,
    /** Text, ordered by code point (PostgreSQL with the C collation). */
    STRING,
    /** Epoch nanoseconds. */
    TIMESTAMP,
    /** revision, in history listings. */
    INTEGER,
    NUMBER,
    BOOL,
    /** A uuid attribute. */
    UUID,
    /** ended_at - started_at in nanoseconds, NULL while the resource has not ended. */
    LIFESPAN
}

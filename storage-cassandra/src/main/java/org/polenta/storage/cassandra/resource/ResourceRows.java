package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.Map;
import java.util.UUID;
import org.polenta.core.resource.Resource;

/** Resources out of the rows of the by-id, derived and history tables (which share their column names). */
final class ResourceRows {

    private ResourceRows() {
    }

    /** The current version, from resources. */
    static Resource current(Row row) {
        return build(row.getUuid("id"), row, row.getMap("metrics", String.class, UUID.class));
    }

    /** A derived row (id as text, no metrics). */
    static Candidate derived(Row row) {
        Resource resource = build(UUID.fromString(row.getString("id")), row, Map.of());
        return new Candidate(new ResourceKey(resource.revisionStart(), resource.startedAt(), row.getString("id")),
            resource);
    }

    /** A past version as stored (revision_end and metrics are filled in from its successors). */
    static Resource past(Row row) {
        return build(row.getUuid("id"), row, Map.of());
    }

    private static Resource build(UUID id, Row row, Map<String, UUID> metrics) {
        Long endedAt = row.isNull("ended_at") ? null : row.getLong("ended_at");
        return new Resource(id, row.getString("original_resource_id"), row.getString("type"),
            row.getString("creator"), row.getString("user_id"), row.getString("project_id"),
            row.getLong("started_at"), endedAt, row.getLong("revision"), row.getLong("revision_start"), null,
            metrics, AttributeCodec.decodeAll(row.getMap("attributes", String.class, String.class)));
    }
}

package org.polenta.core.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.polenta.core.time.Timestamps;

/**
 * One version of a resource. The current version and each past one (history) share the id; {@code revision}
 * grows by one with every new version of the resource, and [revisionStart, revisionEnd) is the time the version
 * was current (revisionEnd null for the current version). Times are epoch nanoseconds.
 *
 * @param creator    who created it: the user name with basic auth, "user_id:project_id" with Keystone
 * @param metrics    metric name to metric id, of the resource as it is now (Gnocchi shows today's metrics on
 *                   every revision)
 * @param attributes the type's attributes, by name: String, UUID, Double, Boolean, Long (datetime) or null
 */
public record Resource(UUID id, String originalResourceId, String type, String creator, String userId,
                       String projectId, long startedAt, Long endedAt, long revision, long revisionStart,
                       Long revisionEnd, Map<String, UUID> metrics, Map<String, Object> attributes) {

    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        metrics = Map.copyOf(metrics);
        // Map.copyOf refuses null values, and a null attribute is a real value here.
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public boolean isCurrent() {
        return revisionEnd == null;
    }

    /** Gnocchi derives it from the creator: the part before the first ':' (all of it without one). */
    public String createdByUserId() {
        return creator == null ? null : Creators.userId(creator);
    }

    /** The part after the first ':' ("" without one). */
    public String createdByProjectId() {
        return creator == null ? null : Creators.projectId(creator);
    }

    /** ended_at - started_at, or null while the resource has not ended. */
    public Long lifespan() {
        return endedAt == null ? null : endedAt - startedAt;
    }

    /** Gnocchi's ETag: sha1 over the id and revision_start's isoformat. */
    public String etag() {
        return ResourceEtags.etag(id, revisionStart);
    }

    /** "id@revision", the marker of a version in history listings. */
    public String historyMarker() {
        return id + "@" + revision;
    }

    public Resource withRevision(long newRevision, long newRevisionStart, Long newRevisionEnd) {
        return new Resource(id, originalResourceId, type, creator, userId, projectId, startedAt, endedAt,
                newRevision, newRevisionStart, newRevisionEnd, metrics, attributes);
    }

    public Resource withMetrics(Map<String, UUID> newMetrics) {
        return new Resource(id, originalResourceId, type, creator, userId, projectId, startedAt, endedAt,
                revision, revisionStart, revisionEnd, newMetrics, attributes);
    }

    /**
     * Gnocchi's JSON of a resource (ResourceJsonifier.jsonify): base fields, the type's attributes, metrics,
     * created_by_*; {@code attrs} non-empty keeps only those keys.
     */
    public Map<String, Object> toJson(java.util.Collection<String> attrs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id.toString());
        json.put("creator", creator);
        json.put("started_at", Timestamps.format(startedAt));
        json.put("revision_start", Timestamps.format(revisionStart));
        json.put("ended_at", endedAt == null ? null : Timestamps.format(endedAt));
        json.put("user_id", userId);
        json.put("project_id", projectId);
        json.put("original_resource_id", originalResourceId);
        json.put("type", type);
        json.put("revision_end", revisionEnd == null ? null : Timestamps.format(revisionEnd));
        attributes.forEach((name, value) -> json.put(name, jsonValue(value)));
        Map<String, Object> metricIds = new LinkedHashMap<>();
        metrics.forEach((name, metricId) -> metricIds.put(name, metricId.toString()));
        json.put("metrics", metricIds);
        json.put("created_by_user_id", createdByUserId());
        json.put("created_by_project_id", createdByProjectId());
        if (attrs != null && !attrs.isEmpty()) {
            json.keySet().retainAll(attrs);
        }
        return json;
    }

    /** The value of a field by its Gnocchi name (base field, virtual field or attribute); null when unset. */
    public Object field(String name) {
        return switch (name) {
            case "id" -> id;
            case "original_resource_id" -> originalResourceId;
            case "type" -> type;
            case "creator" -> creator;
            case "user_id" -> userId;
            case "project_id" -> projectId;
            case "started_at" -> startedAt;
            case "ended_at" -> endedAt;
            case "revision" -> revision;
            case "revision_start" -> revisionStart;
            case "revision_end" -> revisionEnd;
            case "created_by_user_id" -> createdByUserId();
            case "created_by_project_id" -> createdByProjectId();
            case "lifespan" -> lifespan();
            default -> attributes.get(name);
        };
    }

    private static Object jsonValue(Object value) {
        if (value instanceof Long nanos) {
            return Timestamps.format(nanos);
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return value;
    }
}

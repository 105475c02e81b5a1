package org.polenta.core.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a PATCH does to a resource, with Gnocchi's rule: a new revision only when a field other than "metrics"
 * takes a different value; a change of metrics alone updates the resource in place; no change at all answers with
 * the resource as it is.
 */
public final class ResourceChanges {

    /** What to do with a PATCH. */
    public enum Outcome { NOTHING, METRICS_ONLY, NEW_REVISION }

    private ResourceChanges() {
    }

    public static Outcome outcome(Resource current, ResourceBody patch) {
        for (Map.Entry<String, Object> entry : patch.fields().entrySet()) {
            if (!entry.getKey().equals("metrics") && !Objects.equals(current.field(entry.getKey()), entry.getValue())) {
                return Outcome.NEW_REVISION;
            }
        }
        return patch.has("metrics") ? Outcome.METRICS_ONLY : Outcome.NOTHING;
    }

    /**
     * The next version: fields of the patch applied (metrics are the caller's, once resolved to ids), revision
     * data left for the repository, revision_start set to {@code now}.
     *
     * @throws org.polenta.core.errors.InvalidInputException when the result would end before it starts
     */
    public static Resource apply(Resource current, ResourceBody patch, long now) {
        Map<String, Object> attributes = new LinkedHashMap<>(current.attributes());
        patch.fields().forEach((key, value) -> {
            if (current.attributes().containsKey(key) || isAttribute(key)) {
                attributes.put(key, value);
            }
        });
        long startedAt = patch.has("started_at") ? (Long) patch.get("started_at") : current.startedAt();
        Long endedAt = patch.has("ended_at") ? (Long) patch.get("ended_at") : current.endedAt();
        ResourceBodyParser.requireStartNotAfterEnd(startedAt, endedAt, current.type(), false);
        return new Resource(current.id(), current.originalResourceId(), current.type(), current.creator(),
                patch.has("user_id") ? (String) patch.get("user_id") : current.userId(),
                patch.has("project_id") ? (String) patch.get("project_id") : current.projectId(),
                startedAt, endedAt, current.revision(), now, null, current.metrics(), attributes);
    }

    private static boolean isAttribute(String key) {
        return switch (key) {
            case "user_id", "project_id", "started_at", "ended_at", "metrics" -> false;
            default -> true;
        };
    }
}

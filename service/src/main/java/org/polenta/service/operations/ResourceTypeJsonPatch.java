package org.polenta.service.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.util.List;
import java.util.Map;
import org.polenta.core.resource.type.ResourceTypePatch;
import org.polenta.service.errors.ApiException;

/**
 * Applies RFC 6902 operations to a resource type's JSON with zjsonpatch, one operation at a time so that a
 * failing one is reported with Gnocchi's (python-jsonpatch's) message.
 */
final class ResourceTypeJsonPatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourceTypeJsonPatch() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> document, List<Map<String, Object>> operations) {
        JsonNode current = JSON.valueToTree(document);
        for (Map<String, Object> operation : operations) {
            Map<String, Object> before = JSON.convertValue(current, Map.class);
            String failure = ResourceTypePatch.describeFailure(operation, before);
            if (failure != null) {
                throw ApiException.badRequest(failure);
            }
            try {
                current = JsonPatch.apply(JSON.valueToTree(List.of(operation)), current);
            } catch (JsonPatchApplicationException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        return JSON.convertValue(current, Map.class);
    }
}

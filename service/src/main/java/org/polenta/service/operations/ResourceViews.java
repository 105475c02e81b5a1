package org.polenta.service.operations;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.type.ResourceType;

/**
 * How a resource is shown through a type: through "generic" without details, Gnocchi loads the base resource
 * only, so the attributes of the resource's own type are left out.
 */
public final class ResourceViews {

    private ResourceViews() {
    }

    public static Map<String, Object> json(Resource resource, ResourceType through, boolean details,
                                           Collection<String> attrs) {
        return json(resource, through.name(), details, attrs);
    }

    public static Map<String, Object> json(Resource resource, String throughType, boolean details,
                                           Collection<String> attrs) {
        Resource shown = resource;
        if (ResourceType.GENERIC_NAME.equals(throughType) && !details) {
            shown = new Resource(resource.id(), resource.originalResourceId(), resource.type(), resource.creator(),
                    resource.userId(), resource.projectId(), resource.startedAt(), resource.endedAt(),
                    resource.revision(), resource.revisionStart(), resource.revisionEnd(), resource.metrics(), Map.of());
        }
        return shown.toJson(attrs);
    }

    public static Map<String, Object> json(Resource resource, String throughType) {
        return json(resource, throughType, false, List.of());
    }
}

package org.polenta.service.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polenta.core.resource.Resource;

/** A resource as a policy target: its JSON as Gnocchi hands the resource object to enforce(). */
public final class ResourceTargets {

    private ResourceTargets() {
    }

    public static Map<String, Object> of(Resource resource) {
        Map<String, Object> target = new LinkedHashMap<>(resource.toJson(List.of()));
        target.remove("metrics");
        return target;
    }
}

package org.polenta.service.operations;

import java.util.List;
import java.util.Map;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeParser;
import org.polenta.core.resource.type.ResourceTypePatch;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.core.resource.type.ResourceTypeUpdate;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;

/** /v1/resource_type as Gnocchi's ResourceTypesController and ResourceTypeController run it. */
public final class ResourceTypeOperations {

    public static final String JSON_PATCH = "application/json-patch+json";

    private final ResourceTypeRepository types;
    private final PolicyEnforcer enforcer;

    public ResourceTypeOperations(ResourceTypeRepository types, PolicyEnforcer enforcer) {
        this.types = types;
        this.enforcer = enforcer;
    }

    /** Checked (schema, then attribute rules), then the policy, then stored. */
    public ResourceType create(Caller caller, Object body) {
        ResourceType type = ResourceTypeParser.parse(body);
        enforcer.enforce("create resource type", type.toJson(), caller);
        return types.create(type);
    }

    public List<ResourceType> list(Caller caller) {
        enforcer.enforce("list resource type", caller);
        return types.list();
    }

    public ResourceType get(Caller caller, String name) {
        ResourceType type = require(name);
        enforcer.enforce("get resource type", type.toJson(), caller);
        return type;
    }

    /**
     * @param mediaType the request's Content-Type without parameters; only JSON Patch is accepted (415)
     */
    public ResourceType patch(Caller caller, String name, String mediaType, java.util.function.Supplier<Object> body) {
        ResourceType type = require(name);
        enforcer.enforce("update resource type", type.toJson(), caller);
        if (!JSON_PATCH.equalsIgnoreCase(mediaType)) {
            throw new ApiException(415, null);
        }
        List<Map<String, Object>> operations = ResourceTypePatch.checkOperations(body.get());
        Map<String, Object> patched = ResourceTypeJsonPatch.apply(type.toJson(), operations);
        ResourceTypeUpdate update = ResourceTypePatch.result(type, patched);
        if (update.isEmpty()) {
            return type;
        }
        return types.update(name, update);
    }

    public void delete(Caller caller, String name) {
        ResourceType type = require(name);
        enforcer.enforce("delete resource type", type.toJson(), caller);
        types.delete(name);
    }

    /** The type of that name, if there is one (no policy check: for lookups the caller does not see). */
    public java.util.Optional<ResourceType> find(String name) {
        return types.get(name);
    }

    /** @throws org.polenta.core.errors.NoSuchEntityException "Resource type X does not exist" (404) */
    public ResourceType require(String name) {
        return types.get(name).orElseThrow(() -> ResourceType.noSuchType(name));
    }
}

package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.service.auth.Caller;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.PublicUrls;
import org.polenta.service.operations.ResourceTypeOperations;

/** /v1/resource_type: create, list, get, JSON-Patch, delete. */
@Path("/v1/resource_type")
@Produces(MediaType.APPLICATION_JSON)
public class ResourceTypeResource {

    private final ResourceTypeOperations operations;
    private final JsonBodies bodies;
    private final PublicUrls urls;

    public ResourceTypeResource(ResourceTypeOperations operations, JsonBodies bodies, PublicUrls urls) {
        this.operations = operations;
        this.bodies = bodies;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, InputStream body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ResourceType type = operations.create(caller, bodies.read(body));
        return Response.status(201).header("Location", urls.url(uri, headers, "/v1/resource_type/" + type.name()))
                .entity(type.toJson()).build();
    }

    @GET
    public List<Map<String, Object>> list(@Auth Caller caller) {
        return operations.list(caller).stream().map(ResourceType::toJson).toList();
    }

    @GET
    @Path("{name}")
    public Map<String, Object> get(@Auth Caller caller, @PathParam("name") String name) {
        return operations.get(caller, name).toJson();
    }

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> patch(@Auth Caller caller, @PathParam("name") String name, InputStream body,
                                     @Context HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        String mediaType = type == null ? null : type.getType() + "/" + type.getSubtype();
        return operations.patch(caller, name, mediaType, () -> bodies.read(body)).toJson();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@Auth Caller caller, @PathParam("name") String name) {
        operations.delete(caller, name);
        return Response.noContent().build();
    }
}

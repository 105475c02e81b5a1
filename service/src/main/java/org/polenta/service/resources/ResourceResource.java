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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.service.auth.Caller;
import org.polenta.service.http.ConditionalRequests;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.PublicUrls;
import org.polenta.service.operations.ResourceOperations;
import org.polenta.service.operations.ResourceQueries;
import org.polenta.service.operations.ResourceTypeOperations;
import org.polenta.service.operations.ResourceViews;

/** /v1/resource: the map of types, and per type: create, list, batch delete, get, patch, delete, history. */
@Path("/v1/resource")
@Produces(MediaType.APPLICATION_JSON)
public class ResourceResource {

    private final ResourceOperations operations;
    private final ResourceQueries queries;
    private final ResourceTypeOperations types;
    private final JsonBodies bodies;
    private final PublicUrls urls;

    public ResourceResource(ResourceOperations operations, ResourceQueries queries, ResourceTypeOperations types,
                            JsonBodies bodies, PublicUrls urls) {
        this.operations = operations;
        this.queries = queries;
        this.types = types;
        this.bodies = bodies;
        this.urls = urls;
    }

    @GET
    public Map<String, String> types(@Auth Caller caller, @Context UriInfo uri, @Context HttpHeaders headers) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (ResourceType type : types.list(caller)) {
            byName.put(type.name(), urls.url(uri, headers, "/v1/resource/" + type.name()));
        }
        return byName;
    }

    @POST
    @Path("{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, @PathParam("type") String type, InputStream body,
                           @Context UriInfo uri, @Context HttpHeaders headers) {
        Resource resource = operations.create(caller, type, bodies.read(body));
        return ConditionalRequests.withValidators(Response.status(201), resource)
                .header("Location", urls.url(uri, headers, "/v1/resource/" + type + "/" + resource.id()))
                .entity(ResourceViews.json(resource, type)).build();
    }

    @GET
    @Path("{type}")
    public Response list(@Auth Caller caller, @PathParam("type") String type, @Context UriInfo uri,
                         @Context HttpHeaders headers) {
        return Listings.response(queries.list(caller, type, uri.getQueryParameters(),
                urls.url(uri, headers, "/v1/resource/" + type)));
    }

    @DELETE
    @Path("{type}")
    public Map<String, Object> deleteMatching(@Auth Caller caller, @PathParam("type") String type, InputStream body,
                                              @Context UriInfo uri, @Context HttpHeaders headers) {
        byte[] raw = bodies.readLimited(body);
        Object filter = null;
        if (!JsonBodies.isBlank(raw)) {
            MediaType mediaType = headers.getMediaType();
            if (mediaType == null || !mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                throw new org.polenta.service.errors.ApiException(415, null);
            }
            filter = bodies.parse(raw);
        }
        List<Resource> matching = queries.matchingForDeletion(caller, type, uri.getQueryParameters(), filter);
        int deleted = 0;
        for (Resource resource : matching) {
            try {
                operations.delete(resource);
                deleted++;
            } catch (org.polenta.service.errors.ApiException goneMeanwhile) {
                // deleted by someone else since the search: not counted, as Gnocchi's DELETE would not count it
            }
        }
        return Map.of("deleted", deleted);
    }

    @GET
    @Path("{type}/{id}")
    public Response get(@Auth Caller caller, @PathParam("type") String type, @PathParam("id") String id,
                        @Context HttpHeaders headers, @Context Request request) {
        Resource resource = operations.load(caller, type, id);
        operations.enforce(caller, "get resource", resource);
        Optional<Response> notModified = ConditionalRequests.check(headers, request.getMethod(), resource);
        if (notModified.isPresent()) {
            return notModified.get();
        }
        return ConditionalRequests.withValidators(Response.ok(ResourceViews.json(resource, type)), resource).build();
    }

    @PATCH
    @Path("{type}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response patch(@Auth Caller caller, @PathParam("type") String type, @PathParam("id") String id,
                          InputStream body, @Context HttpHeaders headers, @Context Request request) {
        Resource resource = operations.load(caller, type, id);
        operations.enforce(caller, "update resource", resource);
        ConditionalRequests.check(headers, request.getMethod(), resource);
        byte[] raw = bodies.readLimited(body);
        if (JsonBodies.isBlank(raw)) {
            // What Gnocchi's JSON decoder says of an empty body.
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("cause", "Unable to decode body");
            description.put("reason", "Expected object or value");
            description.put("detail", List.of());
            throw new org.polenta.service.errors.ApiException(400, description);
        }
        Resource updated = operations.patch(caller, resource, bodies.parse(raw));
        return ConditionalRequests.withValidators(Response.ok(ResourceViews.json(updated, type)), updated).build();
    }

    @DELETE
    @Path("{type}/{id}")
    public Response delete(@Auth Caller caller, @PathParam("type") String type, @PathParam("id") String id,
                           @Context HttpHeaders headers, @Context Request request) {
        Resource resource = operations.load(caller, type, id);
        operations.enforce(caller, "delete resource", resource);
        ConditionalRequests.check(headers, request.getMethod(), resource);
        operations.delete(resource);
        return Response.noContent().build();
    }

    @GET
    @Path("{type}/{id}/history")
    public Response history(@Auth Caller caller, @PathParam("type") String type, @PathParam("id") String id,
                            @Context UriInfo uri, @Context HttpHeaders headers) {
        Resource resource = operations.load(caller, type, id);
        operations.enforce(caller, "get resource", resource);
        return Listings.response(queries.history(resource, type, uri.getQueryParameters(),
                urls.url(uri, headers, "/v1/resource/" + type + "/" + id + "/history")));
    }
}

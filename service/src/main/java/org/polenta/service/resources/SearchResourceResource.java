package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.PublicUrls;
import org.polenta.service.operations.ListingPage;
import org.polenta.service.operations.ResourceQueries;
import org.polenta.service.operations.ResourceTypeOperations;

/** POST /v1/search/resource/{type}: a JSON filter in the body, or ?filter= in Gnocchi's string syntax. */
@Path("/v1/search/resource/{type}")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResourceResource {

    private final ResourceQueries queries;
    private final ResourceTypeOperations types;
    private final JsonBodies bodies;
    private final PublicUrls urls;

    public SearchResourceResource(ResourceQueries queries, ResourceTypeOperations types, JsonBodies bodies,
                                  PublicUrls urls) {
        this.queries = queries;
        this.types = types;
        this.bodies = bodies;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response search(@Auth Caller caller, @PathParam("type") String type, InputStream body,
                           @Context UriInfo uri, @Context HttpHeaders headers) {
        byte[] raw = bodies.readLimited(body);
        Object filter = JsonBodies.isBlank(raw) ? null : bodies.parse(raw);
        ListingPage<?> page = queries.search(caller, type, uri.getQueryParameters(), filter,
                urls.url(uri, headers, "/v1/search/resource/" + type));
        return Listings.response(page);
    }

    /** Gnocchi looks the type up before it looks at the method: 404 for an unknown one, else 405. */
    @GET
    public Response get(@Auth Caller caller, @PathParam("type") String type) {
        types.require(type);
        throw new ApiException(405, null);
    }
}

package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.polenta.service.auth.Caller;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.operations.AggregatesComputation;

/** /v1/aggregates: series of several metrics read and transformed by Gnocchi's operations language. */
@Path("/v1/aggregates")
@Produces(MediaType.APPLICATION_JSON)
public class AggregatesResource {

    private final AggregatesComputation aggregates;
    private final JsonBodies bodies;

    public AggregatesResource(AggregatesComputation aggregates, JsonBodies bodies) {
        this.aggregates = aggregates;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Object post(@Auth Caller caller, @Context UriInfo uri, InputStream body) {
        byte[] bytes = bodies.readLimited(body);
        // Gnocchi checks the query arguments before it decodes the body.
        return aggregates.post(caller, () -> bodies.parse(bytes), uri.getQueryParameters());
    }
}

package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.operations.ResourceMetricAggregation;

/**
 * /v1/aggregation/resource/{type}/metric/{name}: one metric of every resource a search finds, aggregated together
 * (Gnocchi's deprecated API, which Grafana's datasource still uses). Only POST exists; other methods get 405.
 */
@Path("/v1/aggregation/resource/{type}/metric")
@Produces(MediaType.APPLICATION_JSON)
public class AggregationByResourceResource {

    private final ResourceMetricAggregation aggregation;
    private final JsonBodies bodies;

    public AggregationByResourceResource(ResourceMetricAggregation aggregation, JsonBodies bodies) {
        this.aggregation = aggregation;
        this.bodies = bodies;
    }

    @POST
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object post(@Auth Caller caller, @PathParam("type") String type, @PathParam("name") String name,
                       @Context UriInfo uri, InputStream body) {
        byte[] raw = bodies.readLimited(body);
        aggregation.requireType(type);
        Object search = JsonBodies.isBlank(raw) ? null : bodies.parse(raw);
        return aggregation.aggregate(caller, type, name, search, uri.getQueryParameters());
    }

    /** Gnocchi routes by the resource type before it looks at the method: 404 for an unknown one, else 405. */
    @GET
    @Path("{name}")
    public Object get(@Auth Caller caller, @PathParam("type") String type) {
        aggregation.requireType(type);
        throw new ApiException(405, null);
    }

    /** Without a metric name Gnocchi has no controller to route to, whatever the method. */
    @POST
    public Object withoutMetricName() {
        throw new ApiException(405, null);
    }
}

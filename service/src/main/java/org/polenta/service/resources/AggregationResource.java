package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.polenta.service.api.MeasureRows;
import org.polenta.service.auth.Caller;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.operations.CrossMetricAggregation;

/** /v1/aggregation/metric: measures of several metrics aggregated together (Gnocchi's deprecated cross-metric API). */
@Path("/v1/aggregation/metric")
@Produces(MediaType.APPLICATION_JSON)
public class AggregationResource {

    private final CrossMetricAggregation aggregation;
    private final JsonBodies bodies;

    public AggregationResource(CrossMetricAggregation aggregation, JsonBodies bodies) {
        this.aggregation = aggregation;
        this.bodies = bodies;
    }

    @GET
    public MeasureRows get(@Auth Caller caller, @Context UriInfo uri) {
        return MeasureRows.of(aggregation.fromQuery(caller, uri.getQueryParameters()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public MeasureRows post(@Auth Caller caller, @Context UriInfo uri, InputStream body) {
        return MeasureRows.of(aggregation.fromBody(caller, bodies.read(body), uri.getQueryParameters()));
    }
}

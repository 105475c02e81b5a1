package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.polenta.service.auth.Caller;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.QueryValues;
import org.polenta.service.operations.ResourceMeasuresBatch;

/** POST /v1/batch/resources/metrics/measures[?create_metrics=true]: measures of resources' named metrics. */
@Path("/v1/batch/resources/metrics/measures")
@Produces(MediaType.APPLICATION_JSON)
public class BatchResourceMeasuresResource {

    private final ResourceMeasuresBatch batch;
    private final JsonBodies bodies;

    public BatchResourceMeasuresResource(ResourceMeasuresBatch batch, JsonBodies bodies) {
        this.batch = batch;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Auth Caller caller, @QueryParam("create_metrics") String createMetrics, InputStream body) {
        boolean create = QueryValues.bool("create_metrics", createMetrics, false);
        batch.add(caller, bodies.read(body), create);
        return Response.accepted().build();
    }
}

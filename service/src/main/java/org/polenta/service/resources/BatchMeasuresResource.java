package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.polenta.service.auth.Caller;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.operations.BatchMeasuresReader;
import org.polenta.service.operations.MeasuresIntake;

/** POST /v1/batch/metrics/measures: measures of several metrics at once, all accepted or none. */
@Path("/v1/batch/metrics/measures")
@Produces(MediaType.APPLICATION_JSON)
public class BatchMeasuresResource {

    private final MeasuresIntake intake;
    private final JsonBodies bodies;
    private final BatchMeasuresReader reader;

    public BatchMeasuresResource(MeasuresIntake intake, JsonBodies bodies, BatchMeasuresReader reader) {
        this.intake = intake;
        this.bodies = bodies;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Auth Caller caller, InputStream body) {
        intake.addBatch(caller, reader.read(bodies.readLimited(body)));
        return Response.accepted().build();
    }
}

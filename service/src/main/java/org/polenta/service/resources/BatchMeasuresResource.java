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
import org.polenta.service.operations.BatchMeasuresReader;
import org.polenta.service.operations.MeasuresIntake;

/** POST /v1/batch/metrics/measures: measures of several metrics at once, all accepted or none. */
@Path("/v1/batch/metrics/measures")
@Produces(MediaType.APPLICATION_JSON)
public class BatchMeasuresResource {

    private final MeasuresIntake intake;
    private final BatchMeasuresReader reader;

    public BatchMeasuresResource(MeasuresIntake intake, BatchMeasuresReader reader) {
        this.intake = intake;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Auth Caller caller, InputStream body) {
        intake.addBatch(caller, reader.read(body));
        return Response.accepted().build();
    }
}

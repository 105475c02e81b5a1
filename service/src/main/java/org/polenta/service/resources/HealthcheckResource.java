package org.polenta.service.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.BooleanSupplier;

/** GET /healthcheck (oslo.middleware's answer: 200 "OK", 503 when the storage does not answer). */
@Path("/healthcheck")
@Produces(MediaType.TEXT_PLAIN)
public class HealthcheckResource {

    private final BooleanSupplier storageHealthy;

    public HealthcheckResource(BooleanSupplier storageHealthy) {
        this.storageHealthy = storageHealthy;
    }

    @GET
    public Response check() {
        return storageHealthy.getAsBoolean() ? Response.ok("OK").build()
                : Response.status(503).entity("Service Unavailable").build();
    }

    @HEAD
    public Response head() {
        return storageHealthy.getAsBoolean() ? Response.ok().build() : Response.status(503).build();
    }
}

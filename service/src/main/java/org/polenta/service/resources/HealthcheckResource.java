package org.polenta.service.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.BooleanSupplier;

/**
 * GET /healthcheck as oslo.middleware answers it: 200 "OK" (or its JSON form for clients that ask for JSON),
 * 503 when the storage does not answer.
 */
@Path("/healthcheck")
public class HealthcheckResource {

    private final BooleanSupplier storageHealthy;

    public HealthcheckResource(BooleanSupplier storageHealthy) {
        this.storageHealthy = storageHealthy;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response check() {
        return storageHealthy.getAsBoolean() ? Response.ok("OK").build()
                : Response.status(503).entity("Service Unavailable").build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response checkJson() {
        boolean healthy = storageHealthy.getAsBoolean();
        return Response.status(healthy ? 200 : 503)
                .entity(java.util.Map.of("detailed", false, "reasons", healthy ? java.util.List.of()
                        : java.util.List.of("storage does not answer")))
                .build();
    }

    @HEAD
    public Response head() {
        return storageHealthy.getAsBoolean() ? Response.ok().build() : Response.status(503).build();
    }
}

package org.polenta.service.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeSet;
import org.polenta.core.archive.AggregationMethods;

/** GET /v1/capabilities: every aggregation method an archive policy may use. */
@Path("/v1/capabilities")
@Produces(MediaType.APPLICATION_JSON)
public class CapabilitiesResource {

    @GET
    public Map<String, Object> capabilities() {
        return Map.of("aggregation_methods", new TreeSet<>(AggregationMethods.ALL));
    }
}

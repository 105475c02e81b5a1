package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.polenta.service.auth.Caller;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.operations.MetricSearch;

/** POST /v1/search/metric?metric_id=...: points whose value matches the predicate in the body. */
@Path("/v1/search/metric")
@Produces(MediaType.APPLICATION_JSON)
public class SearchMetricResource {

    private final MetricSearch search;
    private final JsonBodies bodies;

    public SearchMetricResource(MetricSearch search, JsonBodies bodies) {
        this.search = search;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<List<Object>>> search(@Auth Caller caller, @QueryParam("metric_id") List<String> metricIds,
                                                  @QueryParam("start") String start, @QueryParam("stop") String stop,
                                                  @QueryParam("aggregation") String aggregation,
                                                  @QueryParam("granularity") List<String> granularities,
                                                  InputStream body) {
        byte[] raw = bodies.readLimited(body);
        Object query = JsonBodies.isBlank(raw) ? null : bodies.parse(raw);
        return search.search(caller, metricIds, start, stop, aggregation, granularities, query);
    }
}

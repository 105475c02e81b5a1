package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.polenta.core.aggregates.MeasuresReader;
import org.polenta.core.metric.Metric;
import org.polenta.service.api.MeasureRows;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.QueryValues;
import org.polenta.service.operations.MeasuresIntake;
import org.polenta.service.operations.MeasuresQueries;
import org.polenta.service.operations.MetricLookup;
import org.polenta.service.operations.NamedMetrics;
import org.polenta.service.processing.MetricRefresher;

/** /v1/metric/{id}/measures: accept measures (202 once durable), read aggregates (refresh=true first processes). */
@Path("/v1/metric/{id}/measures")
@Produces(MediaType.APPLICATION_JSON)
public class MeasuresResource {

    private final MetricLookup lookup;
    private final NamedMetrics named;
    private final MeasuresIntake intake;
    private final MeasuresReader reader;
    private final MetricRefresher refresher;
    private final PolicyEnforcer enforcer;
    private final JsonBodies bodies;

    public MeasuresResource(MetricLookup lookup, NamedMetrics named, MeasuresIntake intake, MeasuresReader reader,
                            MetricRefresher refresher, PolicyEnforcer enforcer, JsonBodies bodies) {
        this.lookup = lookup;
        this.named = named;
        this.intake = intake;
        this.reader = reader;
        this.refresher = refresher;
        this.enforcer = enforcer;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Auth Caller caller, @PathParam("id") String id, InputStream body) {
        Metric metric = lookup.require(id);
        intake.add(caller, metric, bodies.read(body));
        return Response.accepted().build();
    }

    @GET
    public MeasureRows read(@Auth Caller caller, @PathParam("id") String id,
                                   @QueryParam("refresh") String refresh, @Context UriInfo uri) {
        Metric metric = lookup.require(id);
        // Gnocchi looks /v1/metric/{id} up with its resource ("Load details for ACL"), so "metric_owner" applies:
        // the members of the resource's project read measures of metrics someone else (Ceilometer) created.
        enforcer.enforce("get measures", named.target(metric), caller);
        var query = MeasuresQueries.from(uri.getQueryParameters());
        if (QueryValues.bool("refresh", refresh, false)) {
            refresher.refresh(metric);
        }
        return MeasureRows.of(reader.read(metric, lookup.policyOf(metric), query));
    }
}

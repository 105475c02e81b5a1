package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Map;
import org.polenta.core.aggregates.MeasuresReader;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.service.api.MeasureRows;
import org.polenta.service.api.MetricJson;
import org.polenta.service.api.MetricWithResourceJson;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.QueryValues;
import org.polenta.service.operations.MeasuresIntake;
import org.polenta.service.operations.MeasuresQueries;
import org.polenta.service.operations.MetricLookup;
import org.polenta.service.operations.NamedMetrics;
import org.polenta.service.operations.ResourceOperations;
import org.polenta.service.processing.MetricRefresher;

/** /v1/resource/{type}/{id}/metric[/{name}[/measures]]: a resource's metrics by name. */
@Path("/v1/resource/{type}/{id}/metric")
@Produces(MediaType.APPLICATION_JSON)
public class NamedMetricResource {

    private final NamedMetrics named;
    private final ResourceOperations operations;
    private final MetricLookup lookup;
    private final MetricRepository metrics;
    private final MeasuresIntake intake;
    private final MeasuresReader reader;
    private final MetricRefresher refresher;
    private final PolicyEnforcer enforcer;
    private final JsonBodies bodies;

    public NamedMetricResource(NamedMetrics named, ResourceOperations operations, MetricLookup lookup,
                               MetricRepository metrics, MeasuresIntake intake, MeasuresReader reader,
                               MetricRefresher refresher, PolicyEnforcer enforcer, JsonBodies bodies) {
        this.named = named;
        this.operations = operations;
        this.lookup = lookup;
        this.metrics = metrics;
        this.intake = intake;
        this.reader = reader;
        this.refresher = refresher;
        this.enforcer = enforcer;
        this.bodies = bodies;
    }

    @GET
    public List<MetricJson> list(@Auth Caller caller, @PathParam("type") String type, @PathParam("id") String id) {
        return named.list(caller, type, id).stream().map(MetricJson::created).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public List<MetricJson> add(@Auth Caller caller, @PathParam("type") String type, @PathParam("id") String id,
                                InputStream body) {
        Map<String, org.polenta.core.archive.ArchivePolicy> policies = lookup.policiesByName();
        return named.add(caller, type, id, () -> bodies.read(body)).stream()
                .map(m -> MetricJson.withPolicy(m, policies.get(m.archivePolicyName()))).toList();
    }

    @GET
    @Path("{name}")
    public Map<String, Object> get(@Auth Caller caller, @PathParam("type") String type, @PathParam("id") String id,
                                   @PathParam("name") String name) {
        Metric metric = named.require(caller, type, id, name);
        enforcer.enforce("get metric", named.target(metric), caller);
        return MetricWithResourceJson.of(metric, lookup.policyOf(metric), named.resourceOf(metric).orElse(null));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@Auth Caller caller, @PathParam("type") String type, @PathParam("id") String id,
                           @PathParam("name") String name) {
        Metric metric = named.require(caller, type, id, name);
        enforcer.enforce("delete metric", named.target(metric), caller);
        metrics.delete(metric.id());
        operations.metricChanged(metric, false);
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/measures")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMeasures(@Auth Caller caller, @PathParam("type") String type, @PathParam("id") String id,
                                @PathParam("name") String name, InputStream body) {
        Metric metric = named.require(caller, type, id, name);
        intake.add(caller, metric, bodies.read(body));
        return Response.accepted().build();
    }

    @GET
    @Path("{name}/measures")
    public MeasureRows measures(@Auth Caller caller, @PathParam("type") String type,
                                       @PathParam("id") String id, @PathParam("name") String name,
                                       @QueryParam("refresh") String refresh, @Context UriInfo uri) {
        Metric metric = named.require(caller, type, id, name);
        enforcer.enforce("get measures", named.target(metric), caller);
        var query = MeasuresQueries.from(uri.getQueryParameters());
        if (QueryValues.bool("refresh", refresh, false)) {
            refresher.refresh(metric);
        }
        return MeasureRows.of(reader.read(metric, lookup.policyOf(metric), query));
    }
}

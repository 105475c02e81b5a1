package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.service.api.MetricJson;
import org.polenta.service.api.MetricWithResourceJson;
import org.polenta.service.operations.NamedMetrics;
import org.polenta.service.operations.ResourceOperations;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.PublicUrls;
import org.polenta.service.operations.ListingPage;
import org.polenta.service.operations.MetricCreation;
import org.polenta.service.operations.MetricListing;
import org.polenta.service.operations.MetricLookup;
import org.polenta.service.operations.MetricTargets;

/** /v1/metric: create, list (filters, paging), get, delete. */
@Path("/v1/metric")
@Produces(MediaType.APPLICATION_JSON)
public class MetricResource {

    private final MetricCreation creation;
    private final MetricListing listing;
    private final MetricLookup lookup;
    private final MetricRepository metrics;
    private final PolicyEnforcer enforcer;
    private final JsonBodies bodies;
    private final PublicUrls urls;
    private final NamedMetrics named;
    private final ResourceOperations resources;

    public MetricResource(MetricCreation creation, MetricListing listing, MetricLookup lookup, MetricRepository metrics,
                          PolicyEnforcer enforcer, JsonBodies bodies, PublicUrls urls, NamedMetrics named,
                          ResourceOperations resources) {
        this.named = named;
        this.resources = resources;
        this.creation = creation;
        this.listing = listing;
        this.lookup = lookup;
        this.metrics = metrics;
        this.enforcer = enforcer;
        this.bodies = bodies;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, InputStream body, @Context UriInfo uri, @Context HttpHeaders headers) {
        Metric metric = creation.create(caller, bodies.read(body));
        return Response.status(201)
                .header("Location", urls.url(uri, headers, "/v1/metric/" + metric.id()))
                .entity(MetricJson.created(metric)).build();
    }

    @GET
    public Response list(@Auth Caller caller, @Context UriInfo uri, @Context HttpHeaders headers) {
        ListingPage<Metric> page = listing.list(caller, uri.getQueryParameters(),
                urls.url(uri, headers, "/v1/metric"));
        Map<String, ArchivePolicy> policies = lookup.policiesByName();
        List<MetricJson> body = page.items().stream()
                .map(m -> MetricJson.withPolicy(m, policies.get(m.archivePolicyName()))).toList();
        Response.ResponseBuilder r = Response.ok(body);
        if (page.nextLink() != null) {
            r.header("Link", page.nextLink());
        }
        return r.build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@Auth Caller caller, @PathParam("id") String id) {
        Metric metric = lookup.require(id);
        enforcer.enforce("get metric", named.target(metric), caller);
        return MetricWithResourceJson.of(metric, lookup.policyOf(metric), named.resourceOf(metric).orElse(null));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Auth Caller caller, @PathParam("id") String id) {
        Metric metric = lookup.require(id);
        enforcer.enforce("delete metric", named.target(metric), caller);
        metrics.delete(metric.id());
        resources.metricChanged(metric, false);
        return Response.noContent().build();
    }
}

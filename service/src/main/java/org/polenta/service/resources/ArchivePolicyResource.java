package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyParser;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.service.api.ArchivePolicyJson;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.PublicUrls;

/** /v1/archive_policy: create (admin), list, get, patch the definition (admin), delete (admin). */
@Path("/v1/archive_policy")
@Produces(MediaType.APPLICATION_JSON)
public class ArchivePolicyResource {

    private final ArchivePolicyRepository policies;
    private final PolicyEnforcer enforcer;
    private final JsonBodies bodies;
    private final PublicUrls urls;

    public ArchivePolicyResource(ArchivePolicyRepository policies, PolicyEnforcer enforcer, JsonBodies bodies,
                                 PublicUrls urls) {
        this.policies = policies;
        this.enforcer = enforcer;
        this.bodies = bodies;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, InputStream body, @Context UriInfo uri, @Context HttpHeaders headers) {
        enforcer.enforce("create archive policy", caller);
        ArchivePolicy policy = ArchivePolicyParser.parseBody(bodies.read(body));
        policies.create(policy);
        return Response.status(201)
                .header("Location", urls.url(uri, headers, "/v1/archive_policy/" + policy.name()))
                .entity(ArchivePolicyJson.of(policy)).build();
    }

    @GET
    public List<ArchivePolicyJson> list(@Auth Caller caller) {
        enforcer.enforce("list archive policy", caller);
        return policies.list().stream().map(ArchivePolicyJson::of).toList();
    }

    @GET
    @Path("{name}")
    public ArchivePolicyJson get(@Auth Caller caller, @PathParam("name") String name) {
        ArchivePolicy policy = require(name);
        enforcer.enforce("get archive policy", caller);
        return ArchivePolicyJson.of(policy);
    }

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ArchivePolicyJson patch(@Auth Caller caller, @PathParam("name") String name, InputStream body) {
        ArchivePolicy existing = require(name);
        enforcer.enforce("update archive policy", caller);
        ArchivePolicy patched = ArchivePolicyParser.patchBody(existing, bodies.read(body));
        policies.update(patched);
        return ArchivePolicyJson.of(patched);
    }

    @DELETE
    @Path("{name}")
    public Response delete(@Auth Caller caller, @PathParam("name") String name) {
        enforcer.enforce("delete archive policy", caller);
        policies.delete(name);
        return Response.noContent().build();
    }

    private ArchivePolicy require(String name) {
        return policies.get(name)
                .orElseThrow(() -> ApiException.notFound("Archive policy " + name + " does not exist"));
    }
}

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
import org.polenta.service.api.ArchivePolicyRuleJson;
import org.polenta.service.auth.Caller;
import org.polenta.service.operations.ArchivePolicyRuleOperations;

/** /v1/archive_policy_rule: create (admin), list (in matching order), get, rename (admin), delete (admin). */
@Path("/v1/archive_policy_rule")
@Produces(MediaType.APPLICATION_JSON)
public class ArchivePolicyRuleResource {

    private final ArchivePolicyRuleOperations rules;

    public ArchivePolicyRuleResource(ArchivePolicyRuleOperations rules) {
        this.rules = rules;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, InputStream body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ArchivePolicyRuleJson rule = ArchivePolicyRuleJson.of(rules.create(caller, body));
        return Response.status(201)
                .header("Location", rules.location(uri, headers, rule.name()))
                .entity(rule).build();
    }

    @GET
    public List<ArchivePolicyRuleJson> list(@Auth Caller caller) {
        return rules.list(caller).stream().map(ArchivePolicyRuleJson::of).toList();
    }

    @GET
    @Path("{name}")
    public ArchivePolicyRuleJson get(@Auth Caller caller, @PathParam("name") String name) {
        return ArchivePolicyRuleJson.of(rules.get(caller, name));
    }

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ArchivePolicyRuleJson rename(@Auth Caller caller, @PathParam("name") String name, InputStream body) {
        return ArchivePolicyRuleJson.of(rules.rename(caller, name, body));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@Auth Caller caller, @PathParam("name") String name) {
        rules.delete(caller, name);
        return Response.noContent().build();
    }
}

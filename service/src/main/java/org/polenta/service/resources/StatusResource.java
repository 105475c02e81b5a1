package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.http.QueryValues;
import org.polenta.service.operations.StatusReport;

/** GET /v1/status (admin only): the backlog and the processors. */
@Path("/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final StatusReport report;
    private final PolicyEnforcer enforcer;

    public StatusResource(StatusReport report, PolicyEnforcer enforcer) {
        this.report = report;
        this.enforcer = enforcer;
    }

    @GET
    public Map<String, Object> status(@Auth Caller caller, @QueryParam("details") String details) {
        enforcer.enforce("get status", caller);
        return report.report(QueryValues.bool("details", details, true));
    }
}

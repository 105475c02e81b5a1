package org.polenta.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.polenta.service.api.UsageCsv;
import org.polenta.service.api.UsageJson;
import org.polenta.service.auth.Caller;
import org.polenta.service.operations.UsageReport;
import org.polenta.service.operations.UsageRequest;

/** GET /v1/usage?start=&stop=[&project_id=][&granularity=][&format=json|csv]: Polenta's own, not Gnocchi's. */
@Path("/v1/usage")
public class UsageResource {

    private final UsageReport report;

    public UsageResource(UsageReport report) {
        this.report = report;
    }

    @GET
    public Response usage(@Auth Caller caller, @Context UriInfo uri) {
        UsageRequest request = UsageRequest.from(uri.getQueryParameters());
        UsageReport.Result result = report.report(caller, request);
        return request.csv()
                ? Response.ok(UsageCsv.of(result), "text/csv; charset=UTF-8").build()
                : Response.ok(UsageJson.of(result), MediaType.APPLICATION_JSON_TYPE).build();
    }
}

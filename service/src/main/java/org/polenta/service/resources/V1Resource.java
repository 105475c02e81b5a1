package org.polenta.service.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polenta.service.http.PublicUrls;

/** GET /v1: links to the API's collections, as Gnocchi lists them. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class V1Resource {

    private static final List<String> COLLECTIONS = List.of("aggregates", "aggregation", "archive_policy",
            "archive_policy_rule", "batch", "capabilities", "influxdb", "metric", "resource", "resource_type",
            "search", "status");

    private final PublicUrls urls;

    public V1Resource(PublicUrls urls) {
        this.urls = urls;
    }

    @GET
    public Map<String, Object> index(@Context UriInfo uri, @Context HttpHeaders headers) {
        String self = urls.applicationUrl(uri, headers) + "/v1";
        List<Map<String, String>> links = new ArrayList<>();
        links.add(Map.of("rel", "self", "href", self));
        COLLECTIONS.forEach(c -> links.add(Map.of("rel", c, "href", self + "/" + c)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("links", links);
        return body;
    }
}

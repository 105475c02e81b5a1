package org.polenta.service.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.polenta.service.http.PublicUrls;

/** GET /: the version document. "build" is the Gnocchi version we match (clients such as ceilometer check it). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class VersionsResource {

    public static final String GNOCCHI_COMPATIBLE_BUILD = "4.4.2";

    private final PublicUrls urls;

    public VersionsResource(PublicUrls urls) {
        this.urls = urls;
    }

    @GET
    public Map<String, Object> versions(@Context UriInfo uri, @Context HttpHeaders headers) {
        Map<String, Object> v1 = Map.of(
                "status", "CURRENT",
                "links", List.of(Map.of("rel", "self", "href", urls.applicationUrl(uri, headers) + "/v1/")),
                "id", "v1.0",
                "updated", "2015-03-19");
        return Map.of("build", GNOCCHI_COMPATIBLE_BUILD, "versions", List.of(v1));
    }
}

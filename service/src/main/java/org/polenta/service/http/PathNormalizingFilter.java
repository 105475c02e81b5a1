package org.polenta.service.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/**
 * Gnocchi (pecan) answers "/v1//metric" and "/v1/metric/" like "/v1/metric"; so do we, by collapsing repeated
 * slashes and dropping a trailing one before resources are matched.
 */
@PreMatching
@Priority(100)
public class PathNormalizingFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        URI base = request.getUriInfo().getBaseUri();
        String rawPath = uri.getRawPath();
        String basePath = base.getRawPath();
        if (rawPath == null || basePath == null || !rawPath.startsWith(basePath)) {
            return;
        }
        String relative = rawPath.substring(basePath.length());
        String normalized = normalize(relative);
        if (!normalized.equals(relative)) {
            request.setRequestUri(base, UriBuilder.fromUri(uri).replacePath(basePath + normalized).build());
        }
    }

    /** The path relative to the application root, without leading, doubled or trailing slashes. */
    static String normalize(String relative) {
        String p = relative.replaceAll("/{2,}", "/");
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}

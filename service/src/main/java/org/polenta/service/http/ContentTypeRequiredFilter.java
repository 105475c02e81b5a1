package org.polenta.service.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Set;
import org.polenta.service.errors.ErrorResponses;

/**
 * Gnocchi refuses a body without a Content-Type with 415; JAX-RS would instead match it to any @Consumes.
 */
@PreMatching
@Priority(300)
public class ContentTypeRequiredFilter implements ContainerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    public void filter(ContainerRequestContext request) {
        if (WITH_BODY.contains(request.getMethod()) && request.getMediaType() == null) {
            request.abortWith(ErrorResponses.of(415, null));
        }
    }
}

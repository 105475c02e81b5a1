package org.polenta.service.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Keystone mode only: every request under /v1 must carry a valid token before anything else looks at it. In
 * Gnocchi, keystonemiddleware's auth_token sits in front of the whole v1 application (api-paste.ini), so
 * /v1 and /v1/capabilities need a token too, and a request without one is a 401 even when it is also malformed
 * (no Content-Type, unknown path). The versions document and /healthcheck stay open, as in Gnocchi.
 *
 * <p>Runs after the CORS filter (which answers preflights, as oslo.middleware's CORS wraps keystonemiddleware)
 * and before the Content-Type check. The caller it finds is left to the {@link AuthenticationFilter}, so that a
 * request is validated once.
 */
@PreMatching
@Priority(250)
public class TokenRequiredFilter implements ContainerRequestFilter {

    private final Authenticator authenticator;

    public TokenRequiredFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        if (isUnderV1(request.getUriInfo().getPath())) {
            request.setProperty(AuthenticationFilter.AUTHENTICATED, authenticator.authenticate(request));
        }
    }

    static boolean isUnderV1(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("v1") || p.startsWith("v1/");
    }
}

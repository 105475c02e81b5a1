package org.polenta.service.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Puts the {@link Caller} into the request's SecurityContext, where {@code @Auth Caller} parameters find it.
 * Registered through Dropwizard's AuthDynamicFeature, so it runs only for methods that take a caller: like
 * Gnocchi, the version document, capabilities and the health check need no credentials.
 */
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    /** The request property under which a filter that ran earlier left the caller it authenticated. */
    public static final String AUTHENTICATED = Caller.class.getName();

    private final Authenticator authenticator;

    public AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // In keystone mode the TokenRequiredFilter has validated the token already: one validation per request.
        Caller caller = request.getProperty(AUTHENTICATED) instanceof Caller known ? known
                : authenticator.authenticate(request);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.roles().contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "polenta";
            }
        });
    }
}

package org.polenta.service.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Tells who sent a request. One implementation per auth mode (basic, noauth; Keystone later).
 * Implementations throw {@link org.polenta.service.errors.ApiException#unauthorized()} when they cannot tell.
 */
public interface Authenticator {
    Caller authenticate(ContainerRequestContext request);
}

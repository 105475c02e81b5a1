package org.polenta.service.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.polenta.service.config.CorsConfig;

/**
 * CORS as oslo.middleware does it for Gnocchi: every OPTIONS is answered 200 (a preflight), with the
 * preflight headers only for an allowed origin, an allowed method and allowed request headers; other
 * responses to an allowed origin get Allow-Origin, Allow-Credentials and Expose-Headers.
 */
@PreMatching
@Priority(200)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final List<String> SIMPLE_HEADERS = List.of("Accept", "Accept-Language", "Content-Type",
            "Cache-Control", "Content-Language", "Expires", "Last-Modified", "Pragma");

    private final CorsConfig config;
    private final Set<String> permittedHeaders;

    public CorsFilter(CorsConfig config) {
        this.config = config;
        List<String> all = new ArrayList<>(config.getAllowHeaders());
        all.addAll(SIMPLE_HEADERS);
        this.permittedHeaders = all.stream().map(h -> h.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            request.abortWith(Response.ok().build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (headers.containsKey("Access-Control-Allow-Origin")) {
            return;
        }
        String origin = allowedOrigin(request.getHeaderString("Origin"));
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            if (response.getStatus() < 200 || response.getStatus() >= 300) {
                response.setStatus(200);
                response.setEntity(null);
            }
            if (origin != null) {
                preflight(request, headers, origin);
            }
            return;
        }
        if (origin == null) {
            return;
        }
        Object vary = headers.getFirst("Vary");
        headers.putSingle("Vary", vary == null ? "Origin" : vary + ",Origin");
        headers.putSingle("Access-Control-Allow-Origin", origin);
        if (config.isAllowCredentials()) {
            headers.putSingle("Access-Control-Allow-Credentials", "true");
        }
        if (!config.getExposeHeaders().isEmpty()) {
            headers.putSingle("Access-Control-Expose-Headers", String.join(",", config.getExposeHeaders()));
        }
    }

    private void preflight(ContainerRequestContext request, MultivaluedMap<String, Object> headers, String origin) {
        String method = request.getHeaderString("Access-Control-Request-Method");
        if (method == null || !config.getAllowMethods().contains(method)) {
            return;
        }
        List<String> requested = new ArrayList<>();
        String requestedHeaders = request.getHeaderString("Access-Control-Request-Headers");
        if (requestedHeaders != null) {
            for (String h : requestedHeaders.split(",")) {
                if (!h.isBlank()) {
                    requested.add(h.trim());
                }
            }
        }
        if (requested.stream().anyMatch(h -> !permittedHeaders.contains(h.toUpperCase(Locale.ROOT)))) {
            return;
        }
        headers.putSingle("Vary", "Origin");
        headers.putSingle("Access-Control-Allow-Origin", origin);
        if (config.isAllowCredentials()) {
            headers.putSingle("Access-Control-Allow-Credentials", "true");
        }
        if (config.getMaxAgeSeconds() > 0) {
            headers.putSingle("Access-Control-Max-Age", String.valueOf(config.getMaxAgeSeconds()));
        }
        headers.putSingle("Access-Control-Allow-Methods", method);
        if (!requested.isEmpty()) {
            headers.putSingle("Access-Control-Allow-Headers", String.join(",", requested));
        }
    }

    /** The origin to echo, "*" when any origin is allowed, or null when this origin may not share. */
    private String allowedOrigin(String origin) {
        if (origin == null) {
            return null;
        }
        if (config.getAllowedOrigins().contains(origin)) {
            return origin;
        }
        return config.getAllowedOrigins().contains("*") ? "*" : null;
    }
}

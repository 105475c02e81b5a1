package org.polenta.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** oslo.middleware's CORS options, with Gnocchi's defaults. */
public class CorsConfig {

    private List<String> allowedOrigins = new ArrayList<>();

    /** Beyond the CORS simple headers, which are always allowed. */
    private List<String> allowHeaders = new ArrayList<>(List.of(
            "Authorization", "X-Auth-Token", "X-Subject-Token", "X-User-Id", "X-Domain-Id", "X-Project-Id", "X-Roles"));

    private List<String> exposeHeaders = new ArrayList<>();

    private List<String> allowMethods = new ArrayList<>(List.of(
            "OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "PATCH"));

    private boolean allowCredentials = true;

    private int maxAgeSeconds = 3600;

    @JsonProperty
    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    @JsonProperty
    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins == null ? new ArrayList<>() : allowedOrigins;
    }

    @JsonProperty
    public List<String> getAllowHeaders() {
        return allowHeaders;
    }

    @JsonProperty
    public void setAllowHeaders(List<String> allowHeaders) {
        this.allowHeaders = allowHeaders;
    }

    @JsonProperty
    public List<String> getExposeHeaders() {
        return exposeHeaders;
    }

    @JsonProperty
    public void setExposeHeaders(List<String> exposeHeaders) {
        this.exposeHeaders = exposeHeaders;
    }

    @JsonProperty
    public List<String> getAllowMethods() {
        return allowMethods;
    }

    @JsonProperty
    public void setAllowMethods(List<String> allowMethods) {
        this.allowMethods = allowMethods;
    }

    @JsonProperty
    public boolean isAllowCredentials() {
        return allowCredentials;
    }

    @JsonProperty
    public void setAllowCredentials(boolean allowCredentials) {
        this.allowCredentials = allowCredentials;
    }

    @JsonProperty
    public int getMaxAgeSeconds() {
        return maxAgeSeconds;
    }

    @JsonProperty
    public void setMaxAgeSeconds(int maxAgeSeconds) {
        this.maxAgeSeconds = maxAgeSeconds;
    }
}

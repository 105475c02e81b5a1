package org.polenta.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** How the REST API behaves: listing limits, request size, proxy headers. */
public class ApiConfig {

    /**
     * False: a listener-only process for scale-out (the listener and the processors, no REST API); only
     * /healthcheck and the admin paths answer.
     */
    private boolean enabled = true;

    /** Gnocchi's api.max_limit: the default and the largest page size of collection listings. */
    @Min(1)
    private int maxLimit = 1000;

    /** Bodies larger than this are refused with 413 before they are parsed. */
    @Min(1024)
    private long maxBodyBytes = 16L * 1024 * 1024;

    /** Gnocchi's enable_proxy_headers_parsing: honour Forwarded / X-Forwarded-* when building links. */
    private boolean proxyHeaders;

    /** How long a refresh=true read waits for a metric whose sack another processor holds. */
    private long refreshTimeoutMillis = 10_000;

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public int getMaxLimit() {
        return maxLimit;
    }

    @JsonProperty
    public void setMaxLimit(int maxLimit) {
        this.maxLimit = maxLimit;
    }

    @JsonProperty
    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    @JsonProperty
    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @JsonProperty
    public boolean isProxyHeaders() {
        return proxyHeaders;
    }

    @JsonProperty
    public void setProxyHeaders(boolean proxyHeaders) {
        this.proxyHeaders = proxyHeaders;
    }

    @JsonProperty
    public long getRefreshTimeoutMillis() {
        return refreshTimeoutMillis;
    }

    @JsonProperty
    public void setRefreshTimeoutMillis(long refreshTimeoutMillis) {
        this.refreshTimeoutMillis = refreshTimeoutMillis;
    }
}

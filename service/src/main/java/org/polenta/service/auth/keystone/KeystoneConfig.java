package org.polenta.service.auth.keystone;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Where Keystone is, who the service is to it, and how long validated tokens are trusted. Readable from the
 * service's YAML (durations as Dropwizard writes them: "5 minutes", "10s"). Names follow keystonemiddleware's
 * auth_token options where there is one.
 */
public class KeystoneConfig {

    /** The Keystone URL, e.g. http://127.0.0.1:5010/v3; "/v3" is added when the URL has no version. */
    @NotNull
    private String url;

    /** Sent in WWW-Authenticate on a 401; the URL above when absent (keystonemiddleware's www_authenticate_uri). */
    private String wwwAuthenticateUri;

    @NotNull
    private String serviceUser;
    @NotNull
    private String servicePassword;
    @NotNull
    private String serviceProject;
    /** The service user's domain, by id ("default") or, when serviceUserDomainName is set, by name. */
    private String serviceUserDomainId = "default";
    private String serviceUserDomainName;
    private String serviceProjectDomainId = "default";
    private String serviceProjectDomainName;

    /** Most validated tokens kept (keystonemiddleware keeps them in memcache; we keep them in the JVM). */
    @Min(1)
    private long cacheSize = 10_000;
    /** How long a validated token is trusted without asking Keystone again (token_cache_time, 300 s). */
    @NotNull
    private Duration cacheTtl = Duration.minutes(5);
    /** How long a token Keystone refused stays refused without asking again. */
    @NotNull
    private Duration negativeTtl = Duration.seconds(10);
    /** The service token is renewed this long before it expires (at most half its lifetime). */
    @NotNull
    private Duration serviceTokenRenewBefore = Duration.minutes(2);
    @NotNull
    private Duration connectTimeout = Duration.seconds(2);
    @NotNull
    private Duration requestTimeout = Duration.seconds(5);

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public String getWwwAuthenticateUri() {
        return wwwAuthenticateUri;
    }

    @JsonProperty
    public void setWwwAuthenticateUri(String wwwAuthenticateUri) {
        this.wwwAuthenticateUri = wwwAuthenticateUri;
    }

    @JsonProperty
    public String getServiceUser() {
        return serviceUser;
    }

    @JsonProperty
    public void setServiceUser(String serviceUser) {
        this.serviceUser = serviceUser;
    }

    @JsonProperty
    public String getServicePassword() {
        return servicePassword;
    }

    @JsonProperty
    public void setServicePassword(String servicePassword) {
        this.servicePassword = servicePassword;
    }

    @JsonProperty
    public String getServiceProject() {
        return serviceProject;
    }

    @JsonProperty
    public void setServiceProject(String serviceProject) {
        this.serviceProject = serviceProject;
    }

    @JsonProperty
    public String getServiceUserDomainId() {
        return serviceUserDomainId;
    }

    @JsonProperty
    public void setServiceUserDomainId(String serviceUserDomainId) {
        this.serviceUserDomainId = serviceUserDomainId;
    }

    @JsonProperty
    public String getServiceUserDomainName() {
        return serviceUserDomainName;
    }

    @JsonProperty
    public void setServiceUserDomainName(String serviceUserDomainName) {
        this.serviceUserDomainName = serviceUserDomainName;
    }

    @JsonProperty
    public String getServiceProjectDomainId() {
        return serviceProjectDomainId;
    }

    @JsonProperty
    public void setServiceProjectDomainId(String serviceProjectDomainId) {
        this.serviceProjectDomainId = serviceProjectDomainId;
    }

    @JsonProperty
    public String getServiceProjectDomainName() {
        return serviceProjectDomainName;
    }

    @JsonProperty
    public void setServiceProjectDomainName(String serviceProjectDomainName) {
        this.serviceProjectDomainName = serviceProjectDomainName;
    }

    @JsonProperty
    public long getCacheSize() {
        return cacheSize;
    }

    @JsonProperty
    public void setCacheSize(long cacheSize) {
        this.cacheSize = cacheSize;
    }

    @JsonProperty
    public Duration getCacheTtl() {
        return cacheTtl;
    }

    @JsonProperty
    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    @JsonProperty
    public Duration getNegativeTtl() {
        return negativeTtl;
    }

    @JsonProperty
    public void setNegativeTtl(Duration negativeTtl) {
        this.negativeTtl = negativeTtl;
    }

    @JsonProperty
    public Duration getServiceTokenRenewBefore() {
        return serviceTokenRenewBefore;
    }

    @JsonProperty
    public void setServiceTokenRenewBefore(Duration serviceTokenRenewBefore) {
        this.serviceTokenRenewBefore = serviceTokenRenewBefore;
    }

    @JsonProperty
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    @JsonProperty
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** The URL the API calls are made under: the configured one, with "/v3" when it names no version. */
    public String apiBase() {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return u.matches(".*/v3(\\.\\d+)?$") ? u : u + "/v3";
    }

    /** What a 401 tells the client to authenticate against. */
    public String authenticateUri() {
        return wwwAuthenticateUri != null ? wwwAuthenticateUri : url;
    }
}

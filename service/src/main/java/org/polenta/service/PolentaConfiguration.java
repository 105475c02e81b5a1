package org.polenta.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.polenta.service.config.ApiConfig;
import org.polenta.service.config.AuthConfig;
import org.polenta.service.config.CassandraConfig;
import org.polenta.service.config.CorsConfig;
import org.polenta.service.config.ListenerSettings;
import org.polenta.service.config.ProcessingConfig;

/** The service YAML (config/polenta.yaml, config/gabbi.yaml). */
public class PolentaConfiguration extends Configuration {

    @Valid
    @NotNull
    private CassandraConfig cassandra = new CassandraConfig();

    @Valid
    @NotNull
    private ApiConfig api = new ApiConfig();

    @Valid
    @NotNull
    private AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    private CorsConfig cors = new CorsConfig();

    @Valid
    @NotNull
    private ProcessingConfig processing = new ProcessingConfig();

    @Valid
    @NotNull
    private ListenerSettings listener = new ListenerSettings();

    /** Create Gnocchi's default archive policies and the "default" rule when they are absent (gnocchi-upgrade does it). */
    private boolean createDefaultArchivePolicies = true;

    @JsonProperty
    public CassandraConfig getCassandra() {
        return cassandra;
    }

    @JsonProperty
    public void setCassandra(CassandraConfig cassandra) {
        this.cassandra = cassandra;
    }

    @JsonProperty
    public ApiConfig getApi() {
        return api;
    }

    @JsonProperty
    public void setApi(ApiConfig api) {
        this.api = api;
    }

    @JsonProperty
    public AuthConfig getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthConfig auth) {
        this.auth = auth;
    }

    @JsonProperty
    public CorsConfig getCors() {
        return cors;
    }

    @JsonProperty
    public void setCors(CorsConfig cors) {
        this.cors = cors;
    }

    @JsonProperty
    public ProcessingConfig getProcessing() {
        return processing;
    }

    @JsonProperty
    public void setProcessing(ProcessingConfig processing) {
        this.processing = processing;
    }

    @JsonProperty
    public ListenerSettings getListener() {
        return listener;
    }

    @JsonProperty
    public void setListener(ListenerSettings listener) {
        this.listener = listener;
    }

    @JsonProperty
    public boolean isCreateDefaultArchivePolicies() {
        return createDefaultArchivePolicies;
    }

    @JsonProperty
    public void setCreateDefaultArchivePolicies(boolean createDefaultArchivePolicies) {
        this.createDefaultArchivePolicies = createDefaultArchivePolicies;
    }
}

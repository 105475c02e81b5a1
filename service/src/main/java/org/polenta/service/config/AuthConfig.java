package org.polenta.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/** Who the caller is (mode) and what they may do (the policy file). */
public class AuthConfig {

    /** "basic" (Gnocchi's default auth_mode) or "noauth" (identity taken from X-User-Id / X-Project-Id / X-Roles). */
    @NotNull
    private String mode = "basic";

    /** The RBAC rules; a relative path is resolved against the directory of the service's YAML file. */
    @NotNull
    private String policyFile = "policy.yaml";

    @JsonProperty
    public String getMode() {
        return mode;
    }

    @JsonProperty
    public void setMode(String mode) {
        this.mode = mode;
    }

    @JsonProperty
    public String getPolicyFile() {
        return policyFile;
    }

    @JsonProperty
    public void setPolicyFile(String policyFile) {
        this.policyFile = policyFile;
    }
}

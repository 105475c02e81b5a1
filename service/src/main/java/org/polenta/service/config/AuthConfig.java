package org.polenta.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.polenta.service.auth.keystone.KeystoneConfig;

/** Who the caller is (mode) and what they may do (the policy file). */
public class AuthConfig {

    /**
     * "basic" (Gnocchi's default auth_mode), "noauth" (identity taken from X-User-Id / X-Project-Id / X-Roles)
     * or "keystone" (X-Auth-Token validated against Keystone v3; needs the keystone section).
     */
    @NotNull
    private String mode = "basic";

    /** The RBAC rules; a relative path is resolved against the directory of the service's YAML file. */
    @NotNull
    private String policyFile = "policy.yaml";

    /** Where Keystone is and the service's credentials; used in keystone mode only. */
    @Valid
    private KeystoneConfig keystone;

    @JsonProperty
    public KeystoneConfig getKeystone() {
        return keystone;
    }

    @JsonProperty
    public void setKeystone(KeystoneConfig keystone) {
        this.keystone = keystone;
    }

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

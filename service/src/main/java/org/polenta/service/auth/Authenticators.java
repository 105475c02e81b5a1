package org.polenta.service.auth;

import org.polenta.service.auth.keystone.KeystoneAuthenticator;
import org.polenta.service.config.AuthConfig;

/** Chooses the {@link Authenticator} of the configured auth mode. */
public final class Authenticators {

    private Authenticators() {
    }

    public static Authenticator forConfig(AuthConfig auth) {
        return switch (auth.getMode().toLowerCase(java.util.Locale.ROOT)) {
            case "basic" -> new BasicAuthenticator();
            case "noauth" -> new IdentityHeadersAuthenticator();
            case "keystone" -> {
                if (auth.getKeystone() == null) {
                    throw new IllegalArgumentException("auth mode keystone needs an auth.keystone section");
                }
                yield KeystoneAuthenticator.create(auth.getKeystone());
            }
            default -> throw new IllegalArgumentException(
                    "unknown auth mode " + auth.getMode() + " (basic, noauth or keystone)");
        };
    }
}

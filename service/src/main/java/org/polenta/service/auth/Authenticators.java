package org.polenta.service.auth;

/** Chooses the {@link Authenticator} of a configured auth mode. */
public final class Authenticators {

    private Authenticators() {
    }

    public static Authenticator forMode(String mode) {
        return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "basic" -> new BasicAuthenticator();
            case "noauth" -> new IdentityHeadersAuthenticator();
            default -> throw new IllegalArgumentException("unknown auth mode " + mode + " (basic or noauth)");
        };
    }
}

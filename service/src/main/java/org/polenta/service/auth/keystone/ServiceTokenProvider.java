package org.polenta.service.auth.keystone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own token, issued on first use and renewed before it expires, so that validations never go out
 * with a token Keystone is about to refuse. Renewal starts {@code renewBefore} ahead of the expiry, or half-way
 * through the token's life when that is shorter (a short-lived token would otherwise be renewed on every call).
 */
public class ServiceTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTokenProvider.class);

    private final Supplier<IssuedToken> issuer;
    private final Clock clock;
    private final Duration renewBefore;
    private IssuedToken current;

    public ServiceTokenProvider(Supplier<IssuedToken> issuer, Clock clock, Duration renewBefore) {
        this.issuer = issuer;
        this.clock = clock;
        this.renewBefore = renewBefore;
    }

    /** A service token that is not due for renewal; issues one when needed. */
    public synchronized String token() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(renewalTime(current))) {
            try {
                current = issuer.get();
            } catch (KeystoneUnavailableException e) {
                // A failed early renewal need not fail requests: the old token is good until it expires.
                if (current != null && now.isBefore(current.expiresAt())) {
                    LOG.warn("could not renew the Keystone service token, using the current one until {}: {}",
                            current.expiresAt(), e.getMessage());
                    return current.token();
                }
                current = null;
                throw e;
            }
        }
        return current.token();
    }

    /** Keystone refused this token (revoked, or expired early): the next {@link #token()} issues a new one. */
    public synchronized void rejected(String token) {
        if (current != null && current.token().equals(token)) {
            current = null;
        }
    }

    private Instant renewalTime(IssuedToken t) {
        Duration lifetime = Duration.between(t.issuedAt(), t.expiresAt());
        Duration margin = lifetime.dividedBy(2).compareTo(renewBefore) < 0 ? lifetime.dividedBy(2) : renewBefore;
        return t.expiresAt().minus(margin);
    }
}

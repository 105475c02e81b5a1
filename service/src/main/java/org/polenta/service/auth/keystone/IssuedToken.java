package org.polenta.service.auth.keystone;

import java.time.Instant;

/** A token Keystone issued, with the interval it is valid in. */
public record IssuedToken(String token, Instant issuedAt, Instant expiresAt) {
}

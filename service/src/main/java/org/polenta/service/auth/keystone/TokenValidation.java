package org.polenta.service.auth.keystone;

/** Keystone's answer about a user token: who it is, or that it is no token of Keystone's (unknown, expired, revoked). */
public sealed interface TokenValidation {

    record Valid(KeystoneIdentity identity) implements TokenValidation {
    }

    record Invalid(String reason) implements TokenValidation {
    }
}

package org.polenta.service.auth.keystone;

/** Asks Keystone about one user token. Throws {@link KeystoneUnavailableException} when Keystone cannot answer. */
@FunctionalInterface
public interface TokenValidator {
    TokenValidation validate(String userToken);
}

package org.polenta.service.auth.keystone;

/**
 * Keystone could not say whether a token is valid: unreachable, too slow, a 5xx, or it refused the service's own
 * credentials. The request then gets a 503, never a 401 (the token may be fine) and never access.
 */
public class KeystoneUnavailableException extends RuntimeException {

    public KeystoneUnavailableException(String message) {
        super(message);
    }

    public KeystoneUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.polenta.service.auth.keystone;

/** Keystone answered 401 to a validation: the service token it was sent with is no longer good (revoked, expired). */
class ServiceTokenRejectedException extends RuntimeException {

    ServiceTokenRejectedException(String message) {
        super(message);
    }
}

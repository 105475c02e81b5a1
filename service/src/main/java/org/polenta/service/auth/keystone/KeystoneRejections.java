package org.polenta.service.auth.keystone;

import jakarta.ws.rs.WebApplicationException;
import org.polenta.service.errors.ApiException;
import org.polenta.service.errors.ErrorResponses;

/**
 * The two ways a request fails in keystone mode, in Gnocchi's error shape. The 401 carries WWW-Authenticate with
 * Keystone's URI, written as keystonemiddleware writes it (Keystone uri="..."); ApiException carries no headers,
 * so the 401 is a complete response in a WebApplicationException, which Jersey sends as it is.
 */
final class KeystoneRejections {

    static final String UNAUTHORIZED = "The request you have made requires authentication.";
    static final String UNAVAILABLE = "The authentication service is unavailable, please retry later.";

    private final String challenge;

    KeystoneRejections(String keystoneUri) {
        this.challenge = "Keystone uri=\"" + keystoneUri + "\"";
    }

    WebApplicationException unauthorized() {
        return new WebApplicationException(ErrorResponses.builder(401, UNAUTHORIZED)
                .header("WWW-Authenticate", challenge).build());
    }

    ApiException unavailable() {
        return new ApiException(503, UNAVAILABLE);
    }

    String challenge() {
        return challenge;
    }
}

package org.polenta.service.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.polenta.service.errors.ApiException;

/**
 * Gnocchi's "basic" auth mode: the user name comes from {@code Authorization: Basic base64(user:password)}
 * (scheme case-insensitive); the password is not checked, as in Gnocchi, which expects a proxy to do that.
 */
public class BasicAuthenticator implements Authenticator {

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        String user = userName(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (user == null) {
            throw ApiException.unauthorized();
        }
        return Caller.basicUser(user);
    }

    /** The user name of a Basic Authorization header, or null when the header is absent or malformed. */
    static String userName(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        int space = h.indexOf(' ');
        if (space < 0 || !h.substring(0, space).equalsIgnoreCase("basic")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(space + 1).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(0, colon);
    }
}

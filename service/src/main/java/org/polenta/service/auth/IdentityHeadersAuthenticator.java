package org.polenta.service.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Arrays;
import java.util.List;

/**
 * The "noauth" mode: the identity is taken, unchecked, from the headers keystonemiddleware would set
 * (X-User-Id, X-Project-Id, X-Domain-Id, X-Roles). For trusted networks and tests only.
 */
public class IdentityHeadersAuthenticator implements Authenticator {

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        String roles = request.getHeaderString("X-Roles");
        List<String> roleList = roles == null ? List.of()
                : Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
        return Caller.fromIdentity(request.getHeaderString("X-User-Id"), request.getHeaderString("X-Project-Id"),
                request.getHeaderString("X-Domain-Id"), roleList);
    }
}

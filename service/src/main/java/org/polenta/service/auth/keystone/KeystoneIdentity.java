package org.polenta.service.auth.keystone;

import java.time.Instant;
import java.util.List;
import org.polenta.service.auth.Caller;

/**
 * What a validated token says about its bearer. {@code domainId} is the token's domain scope (null for a
 * project-scoped token), which is what keystonemiddleware passes on as X-Domain-Id and Gnocchi's policy sees.
 */
public record KeystoneIdentity(String userId, String userDomainId, String projectId, String projectDomainId,
                               String domainId, List<String> roles, Instant expiresAt) {

    public KeystoneIdentity {
        roles = List.copyOf(roles);
    }

    /** The caller Gnocchi would see behind keystonemiddleware: creator "user_id:project_id", the role names as-is. */
    public Caller toCaller() {
        return Caller.fromIdentity(userId, projectId, domainId, roles);
    }
}

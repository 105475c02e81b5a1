package org.polenta.service.auth;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authenticated client of a request. {@code creator} is what Gnocchi records as the creator of what the
 * caller creates (the user name in basic auth, "user:project" with identity headers); {@code credentials} is
 * what oslo.policy rules see as creds (user, user_id, project_id, domain_id, roles), absent keys included.
 */
public record Caller(String creator, Set<String> roles, Map<String, Object> credentials) implements Principal {

    public Caller {
        roles = Set.copyOf(roles);
        credentials = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
    }

    /** Gnocchi's basic auth_mode: the user name only; exactly the user "admin" is an admin. */
    public static Caller basicUser(String userName) {
        List<String> roles = "admin".equals(userName) ? List.of("admin") : List.of();
        Map<String, Object> creds = new LinkedHashMap<>();
        creds.put("user", userName);
        creds.put("roles", roles);
        return new Caller(userName, Set.copyOf(roles), creds);
    }

    /** Identity from headers (Gnocchi's keystone auth helper, without a token to validate). */
    public static Caller fromIdentity(String userId, String projectId, String domainId, List<String> roles) {
        String creator = (userId == null ? "" : userId) + ":" + (projectId == null ? "" : projectId);
        Map<String, Object> creds = new LinkedHashMap<>();
        creds.put("user", creator);
        creds.put("user_id", userId);
        creds.put("project_id", projectId);
        creds.put("domain_id", domainId);
        creds.put("roles", new ArrayList<>(roles));
        return new Caller(creator, Set.copyOf(roles), creds);
    }

    public boolean isAdmin() {
        return roles.stream().anyMatch(r -> r.equalsIgnoreCase("admin"));
    }

    /** The project of the caller, or null when the auth mode has none. */
    public String projectId() {
        Object p = credentials.get("project_id");
        return p == null ? null : p.toString();
    }

    /** Whether the auth mode knows projects at all (basic auth does not). */
    public boolean hasProjectScope() {
        return credentials.containsKey("project_id");
    }

    @Override
    public String getName() {
        return creator;
    }
}

package org.polenta.service.auth.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/** What the tests do to Keystone as its users would: get tokens, revoke them, make short-lived credentials. */
public final class KeystoneTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String url;

    KeystoneTestClient(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static KeystoneTestClient fromEnv() {
        return new KeystoneTestClient(LocalKeystone.get("KEYSTONE_URL"));
    }

    /** A token of a user (name, password) scoped to a project by name, all in the default domain. */
    public String token(String user, String password, String project) {
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                  "domain": {"id": "default"}, "password": "%s"}}},
                  "scope": {"project": {"name": "%s", "domain": {"id": "default"}}}}}""".formatted(user, password, project);
        return issued(send(post("/auth/tokens", body).build(), 201));
    }

    public String aliceToken() {
        return token(LocalKeystone.get("KEYSTONE_USER_A"), LocalKeystone.get("KEYSTONE_USER_A_PASSWORD"),
                LocalKeystone.get("KEYSTONE_PROJECT_A"));
    }

    public String bobToken() {
        return token(LocalKeystone.get("KEYSTONE_USER_B"), LocalKeystone.get("KEYSTONE_USER_B_PASSWORD"),
                LocalKeystone.get("KEYSTONE_PROJECT_B"));
    }

    public String adminToken() {
        return token(LocalKeystone.get("KEYSTONE_ADMIN_USER"), LocalKeystone.get("KEYSTONE_ADMIN_PASSWORD"),
                LocalKeystone.get("KEYSTONE_ADMIN_PROJECT"));
    }

    public String serviceToken() {
        return token(LocalKeystone.get("KEYSTONE_SERVICE_USER"), LocalKeystone.get("KEYSTONE_SERVICE_PASSWORD"),
                LocalKeystone.get("KEYSTONE_SERVICE_PROJECT"));
    }

    /** Revokes a token, as its own bearer may (204). */
    public void revoke(String token) {
        send(HttpRequest.newBuilder(URI.create(url + "/auth/tokens")).header("X-Auth-Token", token)
                .header("X-Subject-Token", token).DELETE().build(), 204);
    }

    /** Revokes someone's token with the admin's token. */
    public void revokeAsAdmin(String adminToken, String token) {
        send(HttpRequest.newBuilder(URI.create(url + "/auth/tokens")).header("X-Auth-Token", adminToken)
                .header("X-Subject-Token", token).DELETE().build(), 204);
    }

    /**
     * A token that expires at the given instant: Keystone caps the expiry of a token issued for an application
     * credential at the credential's own expiry. Returns the token and Keystone's expires_at.
     */
    public Map.Entry<String, Instant> tokenExpiringAt(String userId, String userToken, Instant expiresAt) {
        String create = """
                {"application_credential": {"name": "expiring-%d", "expires_at": "%s"}}"""
                .formatted(System.nanoTime(), expiresAt.toString());
        JsonNode cred = json(send(post("/users/" + userId + "/application_credentials", create)
                .header("X-Auth-Token", userToken).build(), 201)).path("application_credential");
        String auth = """
                {"auth": {"identity": {"methods": ["application_credential"],
                  "application_credential": {"id": "%s", "secret": "%s"}}}}"""
                .formatted(cred.path("id").asText(), cred.path("secret").asText());
        HttpResponse<String> issued = send(post("/auth/tokens", auth).build(), 201);
        Instant tokenExpiry = KeystoneTokenParser.timestamp(json(issued).path("token").path("expires_at"));
        return Map.entry(issued(issued), tokenExpiry);
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String issued(HttpResponse<String> r) {
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " gave " + r.statusCode()
                        + " " + r.body());
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.polenta.service.auth.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two Keystone v3 calls an API service makes, on java.net.http: issuing its own token with a password, and
 * validating a user's token with it (GET, as keystonemiddleware does; the service role may not HEAD).
 */
public class KeystoneClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String apiBase;
    private final Duration requestTimeout;
    private final AtomicLong validationCalls = new AtomicLong();
    private final AtomicLong issueCalls = new AtomicLong();

    public KeystoneClient(String apiBase, Duration connectTimeout, Duration requestTimeout) {
        // HTTP/1.1: uwsgi's and most WSGI front ends' plain-HTTP sockets do not speak h2c.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.apiBase = apiBase;
        this.requestTimeout = requestTimeout;
    }

    /** A project-scoped token for the service's own credentials. */
    public IssuedToken issueToken(ServiceCredentials credentials) {
        issueCalls.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + "/auth/tokens"))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(passwordAuth(credentials).toString()))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201) {
            // A 401 here is our configuration, not the user's fault: the user gets a 503 and the log says why.
            throw new KeystoneUnavailableException("Keystone refused the service credentials of user "
                    + credentials.user() + ": HTTP " + response.statusCode() + " " + abbreviated(response.body()));
        }
        String token = response.headers().firstValue("X-Subject-Token").orElseThrow(
                () -> new KeystoneUnavailableException("Keystone issued a token without X-Subject-Token"));
        JsonNode body = json(response.body());
        Instant expiresAt = KeystoneTokenParser.timestamp(body.path("token").path("expires_at"));
        Instant issuedAt = KeystoneTokenParser.timestamp(body.path("token").path("issued_at"));
        if (expiresAt == null) {
            throw new KeystoneUnavailableException("Keystone issued a token without expires_at");
        }
        return new IssuedToken(token, issuedAt != null ? issuedAt : Instant.now(), expiresAt);
    }

    /**
     * Keystone's word on a user token. 404 means unknown, expired or revoked; 401 means the service token is no
     * longer good ({@link ServiceTokenRejectedException}); anything else Keystone could not answer.
     */
    public TokenValidation validate(String serviceToken, String userToken) {
        validationCalls.incrementAndGet();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(apiBase + "/auth/tokens?nocatalog"))
                    .timeout(requestTimeout)
                    .header("Accept", "application/json")
                    .header("X-Auth-Token", serviceToken)
                    .header("X-Subject-Token", userToken)
                    .GET()
                    .build();
        } catch (IllegalArgumentException notAHeaderValue) {
            // A token with control characters cannot even be sent; no Keystone would have issued it.
            return new TokenValidation.Invalid("not a token");
        }
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 200) {
            return new TokenValidation.Valid(KeystoneTokenParser.identity(json(response.body())));
        }
        if (status == 404 || status == 400) {
            return new TokenValidation.Invalid("HTTP " + status + " " + abbreviated(response.body()));
        }
        if (status == 401) {
            throw new ServiceTokenRejectedException("Keystone rejected the service token: " + abbreviated(response.body()));
        }
        // 403 means the service user may not validate tokens: a deployment error, not a verdict on the user's token.
        throw new KeystoneUnavailableException("Keystone answered a validation with HTTP " + status + " "
                + abbreviated(response.body()));
    }

    /** How many validations were sent to Keystone (for the statistics and the benchmark). */
    public long validationCalls() {
        return validationCalls.get();
    }

    public long issueCalls() {
        return issueCalls.get();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException slow) {
                throw slow;
            } catch (IOException stale) {
                // A pooled connection the server had closed while idle (uwsgi closes after every response, Apache
                // after its keep-alive timeout) fails the request before Keystone sees it; a new connection does not.
                // Both calls are safe to repeat: a validation reads, an issue only makes one more token.
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone at " + apiBase + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneUnavailableException("interrupted while waiting for Keystone", e);
        }
    }

    private static ObjectNode passwordAuth(ServiceCredentials c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode user = f.objectNode().put("name", c.user()).put("password", c.password());
        user.set("domain", domain(c.userDomainId(), c.userDomainName()));
        ObjectNode project = f.objectNode().put("name", c.project());
        project.set("domain", domain(c.projectDomainId(), c.projectDomainName()));
        ObjectNode identity = f.objectNode();
        identity.putArray("methods").add("password");
        identity.putObject("password").set("user", user);
        ObjectNode auth = f.objectNode();
        auth.set("identity", identity);
        auth.putObject("scope").set("project", project);
        ObjectNode root = f.objectNode();
        root.set("auth", auth);
        return root;
    }

    private static ObjectNode domain(String id, String name) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        return name != null ? d.put("name", name) : d.put("id", id);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone sent a body that is not JSON: " + abbreviated(body), e);
        }
    }

    private static String abbreviated(String body) {
        if (body == null) {
            return "";
        }
        String b = body.replaceAll("\\s+", " ").trim();
        return b.length() > 200 ? b.substring(0, 200) + "..." : b;
    }
}

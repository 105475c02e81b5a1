package org.polenta.service.auth.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.auth.AuthenticationFilter;
import org.polenta.service.auth.Authenticator;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiExceptionMapper;
import org.polenta.service.errors.WebApplicationExceptionMapper;

/**
 * What a client sees over HTTP in keystone mode: the authenticator behind the service's own AuthenticationFilter and
 * error mappers, on a real Jetty, against the real Keystone (or, for the outage, a port where nothing listens).
 */
@ExtendWith({LocalKeystone.class, DropwizardExtensionsSupport.class})
class KeystoneHttpIT {

    @Path("/whoami")
    @Produces("text/plain")
    public static class WhoAmI {
        @GET
        public String whoami(@Auth Caller caller) {
            return caller.creator() + (caller.isAdmin() ? " admin" : "");
        }
    }

    /** Which authenticator the server uses; set once Keystone is known, after the server object is built. */
    private static final AtomicReference<Authenticator> CURRENT = new AtomicReference<>();

    static final DropwizardClientExtension SERVER = new DropwizardClientExtension(
            new WhoAmI(),
            new AuthDynamicFeature(new AuthenticationFilter(request -> CURRENT.get().authenticate(request))),
            new AuthValueFactoryProvider.Binder<>(Caller.class),
            new ApiExceptionMapper(),
            new WebApplicationExceptionMapper());

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeystoneTestClient keystone;
    private static KeystoneAuthenticator realKeystone;

    @BeforeAll
    static void keystone() {
        keystone = KeystoneTestClient.fromEnv();
        realKeystone = KeystoneAuthenticator.create(KeystoneAuthenticatorIT.config(Duration.ofMinutes(5),
                Duration.ofSeconds(10)));
    }

    private static HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SERVER.baseUri() + "/whoami"));
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidTokenReachesTheResourceAsItsCaller() throws Exception {
        CURRENT.set(realKeystone);
        HttpResponse<String> r = get(keystone.aliceToken());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(LocalKeystone.get("KEYSTONE_USER_A_ID") + ":"
                + LocalKeystone.get("KEYSTONE_PROJECT_A_ID"));
        assertThat(get(keystone.adminToken()).body()).endsWith(" admin");
    }

    @Test
    void missingAndInvalidTokensGet401InGnocchisShapeWithTheKeystoneChallenge() throws Exception {
        CURRENT.set(realKeystone);
        for (String token : new String[] {null, "nonsense"}) {
            HttpResponse<String> r = get(token);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Keystone uri=\"" + LocalKeystone.get("KEYSTONE_URL") + "\"");
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("code").asInt()).isEqualTo(401);
            assertThat(body.path("title").asText()).isEqualTo("Unauthorized");
            assertThat(body.path("description").asText()).isEqualTo(KeystoneRejections.UNAUTHORIZED);
        }
    }

    @Test
    void anUnreachableKeystoneGets503InGnocchisShape() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CURRENT.set(KeystoneAuthenticator.create(KeystoneAuthenticatorIT.config("http://127.0.0.1:" + closedPort + "/v3",
                Duration.ofMinutes(5), Duration.ofSeconds(10))));
        HttpResponse<String> r = get(keystone.aliceToken());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("code").asInt()).isEqualTo(503);
        assertThat(body.path("title").asText()).isEqualTo("Service Unavailable");
        assertThat(body.path("description").asText()).isEqualTo(KeystoneRejections.UNAVAILABLE);
    }
}

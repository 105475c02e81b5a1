package org.polenta.service.auth.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;

/** The Keystone mode against a real Keystone: real tokens of real users, revocation, expiry, outages. */
@ExtendWith(LocalKeystone.class)
class KeystoneAuthenticatorIT {

    private static KeystoneTestClient keystone;

    @BeforeAll
    static void users() {
        keystone = KeystoneTestClient.fromEnv();
    }

    static KeystoneConfig config(String url, Duration ttl, Duration negativeTtl) {
        KeystoneConfig c = new KeystoneConfig();
        c.setUrl(url);
        c.setServiceUser(LocalKeystone.get("KEYSTONE_SERVICE_USER"));
        c.setServicePassword(LocalKeystone.get("KEYSTONE_SERVICE_PASSWORD"));
        c.setServiceProject(LocalKeystone.get("KEYSTONE_SERVICE_PROJECT"));
        c.setCacheTtl(io.dropwizard.util.Duration.milliseconds(ttl.toMillis()));
        c.setNegativeTtl(io.dropwizard.util.Duration.milliseconds(negativeTtl.toMillis()));
        return c;
    }

    static KeystoneConfig config(Duration ttl, Duration negativeTtl) {
        return config(LocalKeystone.get("KEYSTONE_URL"), ttl, negativeTtl);
    }

    private static KeystoneAuthenticator authenticator(Duration ttl, Duration negativeTtl) {
        return KeystoneAuthenticator.create(config(ttl, negativeTtl));
    }

    @Test
    void realTokensBecomeTheCallersGnocchiWouldSee() {
        KeystoneAuthenticator auth = authenticator(Duration.ofMinutes(5), Duration.ofSeconds(10));

        Caller alice = auth.authenticate(keystone.aliceToken());
        assertThat(alice.creator()).isEqualTo(LocalKeystone.get("KEYSTONE_USER_A_ID") + ":"
                + LocalKeystone.get("KEYSTONE_PROJECT_A_ID"));
        assertThat(alice.projectId()).isEqualTo(LocalKeystone.get("KEYSTONE_PROJECT_A_ID"));
        // member is granted, reader is implied by it; Keystone lists them in no fixed order.
        assertThat(alice.roles()).containsExactlyInAnyOrder("member", "reader");
        assertThat(alice.isAdmin()).isFalse();

        Caller bob = auth.authenticate(keystone.bobToken());
        assertThat(bob.creator()).isEqualTo(LocalKeystone.get("KEYSTONE_USER_B_ID") + ":"
                + LocalKeystone.get("KEYSTONE_PROJECT_B_ID"));
        assertThat(bob.projectId()).isNotEqualTo(alice.projectId());

        Caller admin = auth.authenticate(keystone.adminToken());
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.roles()).contains("admin", "member", "reader");

        Caller service = auth.authenticate(keystone.serviceToken());
        assertThat(service.roles()).contains("service");
        assertThat(service.isAdmin()).isFalse();
        assertThat(service.projectId()).isEqualTo(LocalKeystone.get("KEYSTONE_SERVICE_PROJECT_ID"));
        assertThat(service.creator()).isEqualTo(LocalKeystone.get("KEYSTONE_SERVICE_USER_ID") + ":"
                + LocalKeystone.get("KEYSTONE_SERVICE_PROJECT_ID"));

        assertThat(auth.statistics().keystoneValidations()).isEqualTo(4);
        assertThat(auth.statistics().serviceTokensIssued()).isEqualTo(1);
    }

    @Test
    void noTokenOrAnInvalidOneIs401PointingAtKeystone() {
        KeystoneAuthenticator auth = authenticator(Duration.ofMinutes(5), Duration.ofSeconds(10));
        for (String token : new String[] {null, "", "  ", "not-a-token", keystone.aliceToken() + "x"}) {
            assertUnauthorized(() -> auth.authenticate(token));
        }
        // Only the two that look like tokens reached Keystone.
        assertThat(auth.statistics().keystoneValidations()).isEqualTo(2);
    }

    @Test
    void aRevokedTokenIsRefusedOnceTheCacheTtlHasPassed() throws Exception {
        Duration ttl = Duration.ofSeconds(2);
        KeystoneAuthenticator auth = authenticator(ttl, Duration.ofSeconds(10));
        String token = keystone.aliceToken();
        auth.authenticate(token);
        keystone.revoke(token);
        // Within the TTL the cached answer stands: that is the price of not asking Keystone every time.
        assertThat(auth.authenticate(token).roles()).contains("member");
        Thread.sleep(ttl.toMillis() + 200);
        assertUnauthorized(() -> auth.authenticate(token));
        // An authenticator that never saw the token refuses it at once.
        assertUnauthorized(() -> authenticator(ttl, Duration.ofSeconds(10)).authenticate(token));
    }

    @Test
    void aRefusedTokenIsAskedAgainOnlyAfterTheNegativeTtl() throws Exception {
        Duration negativeTtl = Duration.ofSeconds(2);
        KeystoneAuthenticator auth = authenticator(Duration.ofMinutes(5), negativeTtl);
        String garbage = "gAAAAABnotarealfernettoken" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertUnauthorized(() -> auth.authenticate(garbage));
        }
        assertThat(auth.statistics().keystoneValidations()).isEqualTo(1);
        Thread.sleep(negativeTtl.toMillis() + 200);
        assertUnauthorized(() -> auth.authenticate(garbage));
        assertThat(auth.statistics().keystoneValidations()).isEqualTo(2);
    }

    @Test
    void aTokenIsNotAcceptedPastItsExpiryWhateverTheCacheTtl() throws Exception {
        KeystoneAuthenticator auth = authenticator(Duration.ofHours(1), Duration.ofSeconds(10));
        String alice = keystone.aliceToken();
        Instant wanted = Instant.now().plusSeconds(6).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map.Entry<String, Instant> expiring = keystone.tokenExpiringAt(LocalKeystone.get("KEYSTONE_USER_A_ID"), alice,
                wanted);
        assertThat(expiring.getValue()).isEqualTo(wanted);
        assertThat(auth.authenticate(expiring.getKey()).projectId()).isEqualTo(LocalKeystone.get("KEYSTONE_PROJECT_A_ID"));
        long validations = auth.statistics().keystoneValidations();
        while (Instant.now().isBefore(wanted.minusMillis(500))) {
            auth.authenticate(expiring.getKey());
            Thread.sleep(100);
        }
        assertThat(auth.statistics().keystoneValidations()).isEqualTo(validations);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), wanted).toMillis()) + 100);
        assertUnauthorized(() -> auth.authenticate(expiring.getKey()));
        assertThat(auth.statistics().keystoneValidations()).isEqualTo(validations + 1);
    }

    @Test
    void aKeystoneThatGoesAwayGives503NeverA401AndNeverAccess() throws Exception {
        int port = URI.create(LocalKeystone.get("KEYSTONE_URL")).getPort();
        try (TcpRelay relay = new TcpRelay(port)) {
            KeystoneAuthenticator auth = KeystoneAuthenticator.create(config(
                    "http://127.0.0.1:" + relay.port() + "/v3", Duration.ofMinutes(5), Duration.ofSeconds(10)));
            String alice = keystone.aliceToken();
            String bob = keystone.bobToken();
            auth.authenticate(alice);
            relay.close();
            assertUnavailable(() -> auth.authenticate(bob));
            assertUnavailable(() -> auth.authenticate("not-a-token"));
            // What Keystone said before it went away still holds for the TTL.
            assertThat(auth.authenticate(alice).projectId()).isEqualTo(LocalKeystone.get("KEYSTONE_PROJECT_A_ID"));
            // A missing token needs no Keystone to be refused.
            assertUnauthorized("http://127.0.0.1:" + relay.port() + "/v3", () -> auth.authenticate((String) null));
        }
    }

    @Test
    void aKeystoneThatWasNeverThereGives503() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        KeystoneAuthenticator auth = KeystoneAuthenticator.create(config("http://127.0.0.1:" + closedPort,
                Duration.ofMinutes(5), Duration.ofSeconds(10)));
        assertUnavailable(() -> auth.authenticate(keystone.aliceToken()));
    }

    @Test
    void keystoneServerErrorsGive503() throws Exception {
        // A stand-in for a Keystone in trouble: it issues service tokens but fails every validation with a 5xx.
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failing.createContext("/v3/auth/tokens", exchange -> {
            byte[] body;
            if (exchange.getRequestMethod().equals("POST")) {
                body = ("{\"token\": {\"issued_at\": \"" + Instant.now() + "\", \"expires_at\": \""
                        + Instant.now().plusSeconds(3600) + "\"}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Subject-Token", "service-token");
                exchange.sendResponseHeaders(201, body.length);
            } else {
                body = "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(502, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        failing.start();
        try {
            KeystoneAuthenticator auth = KeystoneAuthenticator.create(config("http://127.0.0.1:"
                    + failing.getAddress().getPort() + "/v3", Duration.ofMinutes(5), Duration.ofSeconds(10)));
            assertUnavailable(() -> auth.authenticate(keystone.aliceToken()));
            assertUnavailable(() -> auth.authenticate(keystone.aliceToken()));
            assertThat(auth.statistics().keystoneValidations()).isEqualTo(2);
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void wrongServiceCredentialsGive503NotA401ForTheUser() {
        KeystoneConfig c = config(Duration.ofMinutes(5), Duration.ofSeconds(10));
        c.setServicePassword("wrong");
        assertUnavailable(() -> KeystoneAuthenticator.create(c).authenticate(keystone.aliceToken()));
    }

    @Test
    void aRevokedServiceTokenIsReplacedAndTheValidationRetried() {
        KeystoneConfig c = config(Duration.ofMinutes(5), Duration.ofSeconds(10));
        KeystoneClient client = new KeystoneClient(c.apiBase(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        ServiceTokenProvider serviceTokens = new ServiceTokenProvider(
                () -> client.issueToken(ServiceCredentials.of(c)), Clock.systemUTC(), Duration.ofMinutes(2));
        ServiceTokenValidator validator = new ServiceTokenValidator(client::validate, serviceTokens);
        String alice = keystone.aliceToken();
        assertThat(validator.validate(alice)).isInstanceOf(TokenValidation.Valid.class);

        keystone.revokeAsAdmin(keystone.adminToken(), serviceTokens.token());
        assertThat(validator.validate(alice)).isInstanceOf(TokenValidation.Valid.class);
        assertThat(client.issueCalls()).isEqualTo(2);
        // The first attempt with the revoked token, the retry with the new one.
        assertThat(client.validationCalls()).isEqualTo(3);
    }

    static void assertUnauthorized(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertUnauthorized(LocalKeystone.get("KEYSTONE_URL"), call);
    }

    static void assertUnauthorized(String keystoneUri, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebApplicationException.class, e -> {
            assertThat(e.getResponse().getStatus()).isEqualTo(401);
            assertThat(e.getResponse().getHeaderString("WWW-Authenticate"))
                    .isEqualTo("Keystone uri=\"" + keystoneUri + "\"");
        });
    }

    static void assertUnavailable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }
}

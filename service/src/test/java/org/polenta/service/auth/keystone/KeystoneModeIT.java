package org.polenta.service.auth.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;
import org.polenta.service.it.Http;
import org.polenta.service.it.PolentaServer;

/**
 * The whole service in auth mode keystone, configured from YAML the way an operator does, against a real
 * Keystone: real tokens in X-Auth-Token, creators "user_id:project_id", admin by role, 401 otherwise.
 */
@ExtendWith({LocalKeystone.class, DropwizardExtensionsSupport.class})
class KeystoneModeIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(KeystoneModeIT.class,
            LocalKeystone.keystoneMode());

    private static KeystoneTestClient keystone;

    @BeforeAll
    static void tokens() {
        keystone = KeystoneTestClient.fromEnv();
    }

    private static Http withToken(String token) {
        return new Http(PolentaServer.baseUrl(APP)).without("Authorization").with("X-Auth-Token", token);
    }

    @Test
    void realTokensAuthenticateAndScopeWhatEachProjectSees() {
        Http admin = withToken(keystone.adminToken());
        assertThat(admin.post("/v1/archive_policy", "{\"name\": \"ks\", \"definition\": [{\"granularity\": 1}]}")
                .status()).isEqualTo(201);

        Http alice = withToken(keystone.aliceToken());
        JsonNode metric = alice.post("/v1/metric", "{\"archive_policy_name\": \"ks\"}").json();
        assertThat(metric.path("creator").asText()).isEqualTo(
                LocalKeystone.get("KEYSTONE_USER_A_ID") + ":" + LocalKeystone.get("KEYSTONE_PROJECT_A_ID"));
        String id = metric.path("id").asText();

        Http bob = withToken(keystone.bobToken());
        assertThat(bob.get("/v1/metric/" + id).status()).isEqualTo(403);
        assertThat(bob.get("/v1/metric").json()).isEmpty();
        assertThat(alice.get("/v1/metric/" + id).status()).isEqualTo(200);
        assertThat(admin.get("/v1/metric/" + id).status()).isEqualTo(200);
        assertThat(alice.post("/v1/archive_policy", "{\"name\": \"no\", \"definition\": [{\"granularity\": 1}]}")
                .status()).isEqualTo(403);
    }

    @Test
    void aBrowserGetsTheCorsHeadersOnA401AndItsPreflightNeedsNoToken() {
        // oslo.middleware's CORS wraps keystonemiddleware in Gnocchi: even a refusal tells the page it may read it.
        Http browser = new Http(PolentaServer.baseUrl(APP)).without("Authorization").with("Origin",
                "http://allowed.example");
        Http.Reply refused = browser.get("/v1/capabilities");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("http://allowed.example");
        Http.Reply preflight = browser.with("Access-Control-Request-Method", "GET")
                .with("Access-Control-Request-Headers", "X-Auth-Token").send("OPTIONS", "/v1/metric", null, null);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("X-Auth-Token");
    }

    @Test
    void missingOrInvalidTokensAre401WithTheKeystoneChallenge() {
        Http.Reply none = new Http(PolentaServer.baseUrl(APP)).without("Authorization").get("/v1/metric");
        Http.Reply garbage = withToken("not-a-token").get("/v1/metric");
        for (Http.Reply r : new Http.Reply[] {none, garbage}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Keystone uri=\"" + LocalKeystone.get("KEYSTONE_URL") + "\"");
            assertThat(r.json().path("code").asInt()).isEqualTo(401);
        }
    }
}

package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

/**
 * CORS as Gnocchi answers it behind oslo.middleware's CORS (which wraps the whole application, auth included):
 * a preflight is a 200 whatever the route and the credentials, with the CORS headers only for an allowed
 * origin, method and request headers (Gnocchi adds X-Auth-Token, X-Subject-Token and the identity headers to
 * the simple ones); every other answer to an allowed origin, errors included, says so and exposes the
 * configured headers. The allowed origin is it-polenta.yaml's http://allowed.example.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CorsIT {

    private static final String ALLOWED = "http://allowed.example";

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(CorsIT.class,
            ConfigOverride.config("cors.exposeHeaders", "X-Openstack-Request-Id"));

    private static Http browser(String origin) {
        return new Http(PolentaServer.baseUrl(APP)).with("Origin", origin);
    }

    private static Http.Reply preflight(String origin, String path, String method, String headers) {
        Http h = browser(origin).with("Access-Control-Request-Method", method);
        if (headers != null) {
            h = h.with("Access-Control-Request-Headers", headers);
        }
        return h.send("OPTIONS", path, null, null);
    }

    @Test
    void aPreflightForKeystoneTokensIsAllowedWithoutCredentials() {
        Http.Reply r = preflight(ALLOWED, "/v1/metric", "POST", "X-Auth-Token, Content-Type,x-subject-token");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(r.header("Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("X-Auth-Token,Content-Type,x-subject-token");
        assertThat(r.header("Vary")).isEqualTo("Origin");
        for (String header : new String[] {"X-User-Id", "X-Project-Id", "X-Domain-Id", "X-Roles", "Authorization"}) {
            assertThat(preflight(ALLOWED, "/v1/metric", "GET", header).header("Access-Control-Allow-Headers"))
                    .isEqualTo(header);
        }
    }

    @Test
    void aPreflightThatAsksTooMuchIsA200WithoutCorsHeaders() {
        Http.Reply[] refused = {
                preflight(ALLOWED, "/v1/metric", "GET", "X-Auth-Token,X-Not-Allowed"),
                preflight(ALLOWED, "/v1/metric", "CONNECT", null),
                preflight("http://elsewhere.example", "/v1/metric", "GET", null),
                browser(ALLOWED).send("OPTIONS", "/v1/metric", null, null), // no Access-Control-Request-Method
        };
        for (Http.Reply r : refused) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).isNull();
            assertThat(r.header("Access-Control-Allow-Methods")).isNull();
        }
        // oslo.middleware turns the application's 404 (or 405) to a preflight into a 200 as well.
        Http.Reply nowhere = preflight(ALLOWED, "/v1/nowhere", "GET", null);
        assertThat(nowhere.status()).isEqualTo(200);
        assertThat(nowhere.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
    }

    @Test
    void answersToAnAllowedOriginErrorsIncludedCarryTheCorsHeaders() {
        Http.Reply ok = browser(ALLOWED).as("admin").get("/v1/archive_policy");
        Http.Reply unauthorized = browser(ALLOWED).get("/v1/metric");
        Http.Reply notFound = browser(ALLOWED).as("admin").get("/v1/metric/" + java.util.UUID.randomUUID());
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(notFound.status()).isEqualTo(404);
        for (Http.Reply r : new Http.Reply[] {ok, unauthorized, notFound}) {
            assertThat(r.header("Access-Control-Allow-Origin")).as(r.toString()).isEqualTo(ALLOWED);
            assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(r.header("Access-Control-Expose-Headers")).isEqualTo("X-Openstack-Request-Id");
            assertThat(r.header("Vary")).contains("Origin");
            assertThat(r.header("Access-Control-Allow-Methods")).isNull();
        }
        Http.Reply foreign = browser("http://elsewhere.example").as("admin").get("/v1/archive_policy");
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }
}

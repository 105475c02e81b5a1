package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.GnocchiErrors.assertError;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

/** Basic auth: 401 without usable credentials, 403 where Gnocchi's policy says so. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(AuthIT.class);

    private static Http anonymous;
    private static String metricOfFoobar;

    @BeforeAll
    static void fixtures() {
        anonymous = new Http(PolentaServer.baseUrl(APP));
        anonymous.as("admin").post("/v1/archive_policy", "{\"name\": \"p\", \"definition\": [{\"granularity\": 1}]}");
        metricOfFoobar = anonymous.as("foobar").post("/v1/metric", "{\"archive_policy_name\": \"p\"}")
                .json().path("id").asText();
    }

    @Test
    void missingOrMalformedCredentialsAre401() {
        assertError(anonymous.get("/v1/archive_policy"), 401, "Unauthorized");
        assertError(anonymous.with("Authorization", "").post("/v1/archive_policy", "{}"), 401, "Unauthorized");
        assertError(anonymous.with("Authorization", "Bearer x").get("/v1/metric"), 401, "Unauthorized");
        assertError(anonymous.with("Authorization", "basic !!!").get("/v1/metric"), 401, "Unauthorized");
    }

    @Test
    void documentsOutsideTheApiNeedNoCredentials() {
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(anonymous.get("/v1").status()).isEqualTo(200);
        assertThat(anonymous.get("/v1/capabilities").status()).isEqualTo(200);
        assertThat(anonymous.get("/healthcheck").status()).isEqualTo(200);
    }

    @Test
    void administrationIsForTheAdminUser() {
        String body = "{\"name\": \"medium\", \"definition\": [{\"granularity\": \"1 second\"}]}";
        assertThat(assertError(anonymous.as("foobar").post("/v1/archive_policy", body), 403, "Forbidden").asText())
                .contains("Access was denied to this resource");
        assertError(anonymous.as("administrator").post("/v1/archive_policy_rule",
                "{\"name\": \"r\", \"metric_pattern\": \"*\", \"archive_policy_name\": \"p\"}"), 403, "Forbidden");
        assertError(anonymous.as("foobar").get("/v1/status"), 403, "Forbidden");
        assertError(anonymous.as("foobar").delete("/v1/archive_policy/p"), 403, "Forbidden");
        assertThat(anonymous.with("Authorization", "BASIC YWRtaW46").get("/v1/status").status()).isEqualTo(200);
    }

    @Test
    void metricsBelongToTheirCreator() {
        Http other = anonymous.as("foobaz");
        assertError(other.get("/v1/metric/" + metricOfFoobar), 403, "Forbidden");
        assertError(other.get("/v1/metric/" + metricOfFoobar + "/measures"), 403, "Forbidden");
        assertError(other.post("/v1/metric/" + metricOfFoobar + "/measures",
                "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": 1}]"), 403, "Forbidden");
        assertError(other.delete("/v1/metric/" + metricOfFoobar), 403, "Forbidden");
        assertThat(anonymous.as("admin").get("/v1/metric/" + metricOfFoobar).status()).isEqualTo(200);
        assertThat(anonymous.as("foobar").get("/v1/metric/" + metricOfFoobar).status()).isEqualTo(200);
        // Identity headers mean nothing in basic mode.
        assertError(other.with("X-Roles", "admin").with("X-User-Id", "foobar").get("/v1/metric/" + metricOfFoobar),
                403, "Forbidden");
    }
}

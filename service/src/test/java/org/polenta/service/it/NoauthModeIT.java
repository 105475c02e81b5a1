package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.GnocchiErrors.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

/** The noauth mode: identity from X-User-Id / X-Project-Id / X-Roles, project-scoped visibility. */
@ExtendWith(DropwizardExtensionsSupport.class)
class NoauthModeIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(NoauthModeIT.class,
            ConfigOverride.config("auth.mode", "noauth"));

    private static Http as(String user, String project, String roles) {
        Http h = new Http(PolentaServer.baseUrl(APP)).with("X-User-Id", user).with("X-Project-Id", project);
        return roles == null ? h : h.with("X-Roles", roles);
    }

    @Test
    void creatorIsUserColonProjectAndProjectsShareTheirMetrics() {
        Http admin = as("root", "admin-project", "admin,member");
        assertThat(admin.post("/v1/archive_policy", "{\"name\": \"p\", \"definition\": [{\"granularity\": 1}]}")
                .status()).isEqualTo(201);
        Http alice = as("alice", "p1", "member");
        Http bob = as("bob", "p1", "member");
        Http carol = as("carol", "p2", "member");
        JsonNode m = alice.post("/v1/metric", "{\"archive_policy_name\": \"p\"}").json();
        assertThat(m.path("creator").asText()).isEqualTo("alice:p1");
        assertThat(m.path("created_by_user_id").asText()).isEqualTo("alice");
        assertThat(m.path("created_by_project_id").asText()).isEqualTo("p1");
        String id = m.path("id").asText();
        carol.post("/v1/metric", "{\"archive_policy_name\": \"p\"}");

        assertThat(bob.get("/v1/metric/" + id).status()).isEqualTo(200);
        assertThat(bob.post("/v1/metric/" + id + "/measures",
                "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": 1}]").status()).isEqualTo(202);
        assertError(carol.get("/v1/metric/" + id), 403, "Forbidden");

        List<String> seenByBob = new ArrayList<>();
        bob.get("/v1/metric").json().forEach(x -> seenByBob.add(x.path("creator").asText()));
        assertThat(seenByBob).containsOnly("alice:p1");
        assertThat(admin.get("/v1/metric").json().size()).isEqualTo(2);
        assertError(alice.post("/v1/archive_policy", "{\"name\": \"q\", \"definition\": [{\"granularity\": 1}]}"),
                403, "Forbidden");
    }
}

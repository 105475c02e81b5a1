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

/** Search and listings in noauth mode for two projects: a member never reads another project's resources. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ResourceSearchRbacIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(ResourceSearchRbacIT.class,
            ConfigOverride.config("auth.mode", "noauth"), ConfigOverride.config("api.maxLimit", "3"));

    private static Http as(String user, String project, String roles) {
        return new Http(PolentaServer.baseUrl(APP)).with("X-User-Id", user).with("X-Project-Id", project)
                .with("X-Roles", roles);
    }

    private static List<String> projectsOf(JsonNode resources) {
        List<String> projects = new ArrayList<>();
        resources.forEach(r -> projects.add(r.path("project_id").asText()));
        return projects;
    }

    @Test
    void membersSeeTheirProjectOnly() {
        Http alice = as("alice", "p1", "member");
        Http carol = as("carol", "p2", "member");
        Http admin = as("root", "ops", "admin");
        for (int i = 0; i < 4; i++) {
            assertThat(alice.post("/v1/resource/generic", "{\"id\": \"a" + i + "\", \"project_id\": \"p1\"}").status())
                    .isEqualTo(201);
            assertThat(carol.post("/v1/resource/generic", "{\"id\": \"c" + i + "\", \"project_id\": \"p2\"}").status())
                    .isEqualTo(201);
        }
        // Created by p2 for project p1: p1 sees it (project_id), and so does p2 (created by its project).
        carol.post("/v1/resource/generic", "{\"id\": \"shared\", \"project_id\": \"p1\"}");

        assertThat(searchAll(alice, "{}")).hasSize(5).containsOnly("p1");

        JsonNode carolSees = carol.post("/v1/search/resource/generic", "{\"=\": {\"project_id\": \"p1\"}}").json();
        assertThat(carolSees.size()).isEqualTo(1);
        assertThat(carolSees.get(0).path("original_resource_id").asText()).isEqualTo("shared");
        assertThat(projectsOf(alice.get("/v1/resource/generic?filter=project_id%3D%27p2%27").json()))
                .doesNotContain("p2");
        assertThat(alice.post("/v1/search/resource/generic?filter=project_id%3D%27p2%27", "").json().size()).isZero();

        assertError(alice.get("/v1/resource/generic/" + idOf(carol, "c0")), 403, "Forbidden");
        assertThat(searchAll(admin, "{}")).hasSize(9);
        assertThat(alice.send("DELETE", "/v1/resource/generic", "{\"=\": {\"project_id\": \"p2\"}}", "application/json")
                .json().path("deleted").asInt()).isZero();
        assertThat(searchAll(admin, "{}")).hasSize(9);
    }

    /** Every page of a search, following the Link headers. */
    private static List<String> searchAll(Http h, String filter) {
        List<String> seen = new ArrayList<>();
        String url = "/v1/search/resource/generic";
        for (int page = 0; page < 10 && url != null; page++) {
            Http.Reply reply = h.post(url, filter);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            seen.addAll(projectsOf(reply.json()));
            String link = reply.header("Link");
            url = link == null ? null : link.substring(link.indexOf("/v1/"), link.indexOf('>'));
        }
        return seen;
    }

    private static String idOf(Http h, String originalId) {
        return h.get("/v1/resource/generic/" + originalId).json().path("id").asText();
    }
}

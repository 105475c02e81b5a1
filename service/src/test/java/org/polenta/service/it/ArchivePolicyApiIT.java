package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.GnocchiErrors.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

@ExtendWith(DropwizardExtensionsSupport.class)
class ArchivePolicyApiIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(ArchivePolicyApiIT.class);

    private Http admin;
    private Http user;

    @BeforeEach
    void clients() {
        Http http = new Http(PolentaServer.baseUrl(APP));
        admin = http.as("admin");
        user = http.as("foobar");
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    @Test
    void createGetPatchDelete() {
        String name = unique("medium");
        Http.Reply created = admin.post("/v1/archive_policy", "{\"name\": \"" + name + "\", \"definition\": "
                + "[{\"granularity\": \"1 second\", \"points\": 20}, {\"granularity\": \"2 second\"}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(PolentaServer.baseUrl(APP) + "/v1/archive_policy/" + name);

        JsonNode got = user.get("/v1/archive_policy/" + name).json();
        assertThat(got.path("name").asText()).isEqualTo(name);
        assertThat(got.path("back_window").asInt()).isZero();
        assertThat(got.at("/definition/0/granularity").asText()).isEqualTo("0:00:01");
        assertThat(got.at("/definition/0/points").asLong()).isEqualTo(20);
        assertThat(got.at("/definition/0/timespan").asText()).isEqualTo("0:00:20");
        assertThat(got.at("/definition/1/points").isNull()).isTrue();
        assertThat(got.at("/definition/1/timespan").isNull()).isTrue();
        List<String> methods = new ArrayList<>();
        got.path("aggregation_methods").forEach(m -> methods.add(m.asText()));
        assertThat(methods).containsExactlyInAnyOrder("mean", "min", "max", "sum", "std", "count");

        Http.Reply patched = admin.patch("/v1/archive_policy/" + name,
                "{\"definition\": [{\"granularity\": \"1 second\", \"points\": 50}, {\"granularity\": \"2 second\"}]}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().at("/definition/0/timespan").asText()).isEqualTo("0:00:50");
        assertThat(user.get("/v1/archive_policy/" + name).json().at("/definition/0/points").asLong()).isEqualTo(50);

        Http.Reply dropGranularity = admin.patch("/v1/archive_policy/" + name,
                "{\"definition\": [{\"granularity\": \"1 second\", \"points\": 50}]}");
        assertThat(assertError(dropGranularity, 400, "Bad Request").asText())
                .isEqualTo("Archive policy " + name + " does not support change: Cannot add or drop granularities");

        assertThat(admin.delete("/v1/archive_policy/" + name).status()).isEqualTo(204);
        assertThat(assertError(user.get("/v1/archive_policy/" + name), 404, "Not Found").asText())
                .isEqualTo("Archive policy " + name + " does not exist");
        assertThat(assertError(admin.delete("/v1/archive_policy/" + name), 404, "Not Found").asText())
                .isEqualTo("Archive policy " + name + " does not exist");
    }

    @Test
    void duplicateIsAConflict() {
        String name = unique("large");
        String body = "{\"name\": \"" + name + "\", \"definition\": [{\"granularity\": \"1 hour\"}]}";
        assertThat(admin.post("/v1/archive_policy", body).status()).isEqualTo(201);
        assertThat(assertError(admin.post("/v1/archive_policy", body), 409, "Conflict").asText())
                .isEqualTo("Archive policy " + name + " already exists");
    }

    @Test
    void unicodeNamesAreEncodedInTheLocation() {
        String name = "✔éñ☃" + System.nanoTime();
        Http.Reply created = admin.post("/v1/archive_policy",
                "{\"name\": \"" + name + "\", \"definition\": [{\"granularity\": \"1 minute\", \"points\": 20}]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/v1/archive_policy/%E2%9C%94%C3%A9%C3%B1%E2%98%83");
        assertThat(user.get(created.header("Location").substring(PolentaServer.baseUrl(APP).length()))
                .json().path("name").asText()).isEqualTo(name);
    }

    @Test
    void aPolicyInUseCannotBeDeleted() {
        String name = unique("used");
        admin.post("/v1/archive_policy", "{\"name\": \"" + name + "\", \"definition\": [{\"granularity\": 60}]}");
        assertThat(user.post("/v1/metric", "{\"archive_policy_name\": \"" + name + "\"}").status()).isEqualTo(201);
        assertThat(assertError(admin.delete("/v1/archive_policy/" + name), 400, "Bad Request").asText())
                .isEqualTo("Archive policy " + name + " is still in use");
    }

    @Test
    void listShowsEveryPolicy() {
        String a = unique("list-a");
        String b = unique("list-b");
        admin.post("/v1/archive_policy", "{\"name\": \"" + a + "\", \"definition\": [{\"granularity\": 60}]}");
        admin.post("/v1/archive_policy", "{\"name\": \"" + b + "\", \"back_window\": 2, "
                + "\"aggregation_methods\": [\"rate:mean\", \"last\"], \"definition\": [{\"timespan\": \"1 hour\", "
                + "\"points\": 1000}]}");
        List<String> names = new ArrayList<>();
        user.get("/v1/archive_policy").json().forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).contains(a, b);
        JsonNode pb = user.get("/v1/archive_policy/" + b).json();
        assertThat(pb.path("back_window").asInt()).isEqualTo(2);
        assertThat(pb.at("/definition/0/granularity").asText()).isEqualTo("0:00:03.600000");
    }

    @Test
    void rulesAreListedInMatchingOrderAndRenamed() {
        String policy = unique("rules");
        admin.post("/v1/archive_policy", "{\"name\": \"" + policy + "\", \"definition\": [{\"granularity\": 60}]}");
        String suffix = Long.toString(System.nanoTime());
        for (String pattern : List.of("*", "disk.foo.*", "disk.*")) {
            Http.Reply r = admin.post("/v1/archive_policy_rule", "{\"name\": \"r" + pattern.length() + suffix
                    + "\", \"metric_pattern\": \"" + pattern + "\", \"archive_policy_name\": \"" + policy + "\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        List<String> patterns = new ArrayList<>();
        user.get("/v1/archive_policy_rule").json().forEach(r -> {
            if (r.path("name").asText().endsWith(suffix)) {
                patterns.add(r.path("metric_pattern").asText());
            }
        });
        assertThat(patterns).containsExactly("disk.foo.*", "disk.*", "*");

        assertThat(admin.patch("/v1/archive_policy_rule/r6" + suffix, "{\"name\": \"renamed" + suffix + "\"}")
                .status()).isEqualTo(200);
        assertThat(user.get("/v1/archive_policy_rule/renamed" + suffix).json().path("metric_pattern").asText())
                .isEqualTo("disk.*");
        assertError(user.get("/v1/archive_policy_rule/r6" + suffix), 404, "Not Found");
        assertThat(assertError(admin.patch("/v1/archive_policy_rule/r1" + suffix,
                "{\"name\": \"renamed" + suffix + "\"}"), 400, "Bad Request").asText())
                .contains("Archive policy rule renamed" + suffix + " already exists.");
        assertError(user.delete("/v1/archive_policy_rule/r1" + suffix), 403, "Forbidden");
        assertThat(admin.delete("/v1/archive_policy_rule/r1" + suffix).status()).isEqualTo(204);
        assertThat(assertError(admin.delete("/v1/archive_policy_rule/r1" + suffix), 404, "Not Found").asText())
                .isEqualTo("Archive policy rule r1" + suffix + " does not exist");
    }

    @Test
    void aRuleNeedsAnExistingPolicy() {
        JsonNode d = assertError(admin.post("/v1/archive_policy_rule", "{\"name\": \"" + unique("r")
                + "\", \"metric_pattern\": \"x.*\", \"archive_policy_name\": \"not-exists\"}"), 400, "Bad Request");
        assertThat(d.path("cause").asText()).isEqualTo("Archive policy does not exist");
        assertThat(d.path("detail").asText()).isEqualTo("not-exists");
    }
}

package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.GnocchiErrors.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

/** Resources and resource types over HTTP on the real Cassandra: CRUD, history, conditional requests, bad input. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ResourceApiIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(ResourceApiIT.class);

    private static Http admin() {
        return new Http(PolentaServer.baseUrl(APP)).as("admin");
    }

    private static Http user() {
        return new Http(PolentaServer.baseUrl(APP)).as("foobar");
    }

    @BeforeAll
    static void policyAndType() {
        admin().post("/v1/archive_policy", "{\"name\": \"res\", \"definition\": [{\"granularity\": 1}]}");
        admin().post("/v1/resource_type", "{\"name\": \"host\", \"attributes\": {\"name\": {\"type\": \"string\","
                + " \"max_length\": 8}, \"cores\": {\"type\": \"number\", \"required\": false, \"min\": 1}}}");
    }

    @Test
    void createPatchHistoryAndDelete() {
        Http foobar = user();
        Http.Reply created = foobar.post("/v1/resource/host", "{\"id\": \"web-1\", \"name\": \"web\", \"project_id\": \"p\","
                + " \"metrics\": {\"cpu\": {\"archive_policy_name\": \"res\"}}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode json = created.json();
        String id = json.path("id").asText();
        assertThat(json.path("original_resource_id").asText()).isEqualTo("web-1");
        assertThat(json.path("creator").asText()).isEqualTo("foobar");
        assertThat(json.path("metrics").has("cpu")).isTrue();
        assertThat(created.header("Location")).endsWith("/v1/resource/host/" + id);
        assertThat(created.header("ETag")).isNotBlank();

        JsonNode metric = foobar.get("/v1/metric/" + json.path("metrics").path("cpu").asText()).json();
        assertThat(metric.path("resource").path("id").asText()).isEqualTo(id);

        Http.Reply same = foobar.patch("/v1/resource/host/web-1", "{\"name\": \"web\"}");
        assertThat(same.json().path("revision_start").asText()).isEqualTo(json.path("revision_start").asText());
        Http.Reply changed = foobar.patch("/v1/resource/host/web-1", "{\"name\": \"web2\", \"cores\": 4}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("cores").asDouble()).isEqualTo(4.0);

        JsonNode history = foobar.get("/v1/resource/host/web-1/history").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("name").asText()).isEqualTo("web");
        assertThat(history.get(0).path("revision_end").asText()).isEqualTo(history.get(1).path("revision_start").asText());
        assertThat(history.get(1).path("revision_end").isNull()).isTrue();

        assertThat(foobar.delete("/v1/resource/host/web-1").status()).isEqualTo(204);
        assertError(foobar.get("/v1/resource/host/web-1"), 404, "Not Found");
        assertError(foobar.get("/v1/metric/" + json.path("metrics").path("cpu").asText()), 404, "Not Found");
    }

    @Test
    void conditionalRequests() {
        Http foobar = user();
        Http.Reply created = foobar.post("/v1/resource/generic", "{\"id\": \"cond-1\"}");
        String etag = created.header("ETag");
        String lastModified = created.header("Last-Modified");
        assertThat(etag).startsWith("\"");
        assertThat(foobar.with("If-None-Match", etag).get("/v1/resource/generic/cond-1").status()).isEqualTo(304);
        assertThat(foobar.with("If-Match", etag).get("/v1/resource/generic/cond-1").status()).isEqualTo(200);
        assertError(foobar.with("If-Match", "\"other\"").get("/v1/resource/generic/cond-1"), 412, "Precondition Failed");
        assertThat(foobar.with("If-Modified-Since", lastModified).get("/v1/resource/generic/cond-1").status())
                .isEqualTo(304);
        assertError(foobar.with("If-Unmodified-Since", "Thu, 01 Jan 2015 00:00:00 GMT")
                .patch("/v1/resource/generic/cond-1", "{\"user_id\": \"x\"}"), 412, "Precondition Failed");
        assertError(foobar.with("If-None-Match", etag).delete("/v1/resource/generic/cond-1"), 412,
                "Precondition Failed");
        Http.Reply patched = foobar.with("If-Match", etag).patch("/v1/resource/generic/cond-1", "{\"user_id\": \"x\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.header("ETag")).isNotEqualTo(etag);
        assertError(foobar.with("If-Match", etag).delete("/v1/resource/generic/cond-1"), 412, "Precondition Failed");
    }

    @Test
    void badInputIsAClientErrorInGnocchisShape() {
        Http foobar = user();
        assertThat(assertError(foobar.get("/v1/resource/nosuchtype"), 404, "Not Found").asText())
                .isEqualTo("Resource type nosuchtype does not exist");
        assertError(foobar.post("/v1/search/resource/nosuchtype", "{}"), 404, "Not Found");
        JsonNode tooLong = assertError(foobar.post("/v1/resource/host", "{\"id\": \"bad-1\", \"name\": \"far too long\"}"),
                400, "Bad Request");
        assertThat(tooLong.path("reason").asText()).startsWith("length of value must be at most 8");
        JsonNode belowMin = assertError(foobar.post("/v1/resource/host",
                "{\"id\": \"bad-2\", \"name\": \"a\", \"cores\": 0}"), 400, "Bad Request");
        assertThat(belowMin.path("reason").asText()).startsWith("value must be at least 1");
        assertThat(assertError(foobar.post("/v1/search/resource/generic?filter=id%20%3D%3D", ""), 400,
                "Bad Request").asText()).startsWith("Invalid filter: ");
        assertThat(assertError(foobar.post("/v1/search/resource/host", "{\"=\": {\"nope\": 1}}"), 400,
                "Bad Request").asText()).isEqualTo("Resource type host has no nope attribute");
        assertError(foobar.post("/v1/search/resource/generic", "{\"like\": {\"id\": \"a%\"}}"), 400, "Bad Request");
        assertError(foobar.post("/v1/resource/generic", "{\"id\": \"a/b\"}"), 400, "Bad Request");
        assertError(foobar.post("/v1/resource/generic", "{\"id\": \"x\", \"started_at\": \"2015-01-01\","
                + " \"ended_at\": \"2014-01-01\"}"), 400, "Bad Request");
        assertError(foobar.post("/v1/resource/generic", "{\"id\": \"y\", \"metrics\": {\"m\": {\"archive_policy_name\":"
                + " \"nope\"}}}"), 400, "Bad Request");
        assertError(foobar.delete("/v1/resource/generic"), 400, "Bad Request");
        assertError(foobar.get("/v1/resource/generic?sort=nope"), 400, "Bad Request");
        assertError(foobar.get("/v1/resource/generic?marker=nope"), 400, "Bad Request");

        Http admin = admin();
        String patch = "[{\"op\": \"remove\", \"path\": \"/attributes/missing\"}]";
        assertThat(assertError(admin.send("PATCH", "/v1/resource_type/host", patch, "application/json-patch+json"),
                400, "Bad Request").asText()).isEqualTo("can't remove a non-existent object 'missing'");
        assertError(admin.send("PATCH", "/v1/resource_type/host", "[{\"op\": \"replace\", \"path\": \"/attributes/x\"}]",
                "application/json-patch+json"), 400, "Bad Request");
        assertError(admin.send("PATCH", "/v1/resource_type/host", patch, "application/json"), 415,
                "Unsupported Media Type");
        assertError(user().send("PATCH", "/v1/resource_type/host", patch, "application/json-patch+json"), 403,
                "Forbidden");
        assertError(admin.delete("/v1/resource_type/generic"), 400, "Bad Request");
    }
}

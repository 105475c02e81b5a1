package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.GnocchiErrors.assertClientError;
import static org.polenta.service.it.GnocchiErrors.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polenta.service.PolentaConfiguration;

/** Bad input of every kind: always a 4xx in Gnocchi's error shape, never a 500, and nothing stored. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(BadInputIT.class);

    private static String metric;
    private Http admin;
    private Http user;

    @BeforeAll
    static void fixtures() {
        Http http = new Http(PolentaServer.baseUrl(APP));
        http.as("admin").post("/v1/archive_policy", "{\"name\": \"p\", \"definition\": [{\"granularity\": 1}]}");
        metric = http.as("foobar").post("/v1/metric", "{\"archive_policy_name\": \"p\"}").json().path("id").asText();
    }

    @BeforeEach
    void clients() {
        Http http = new Http(PolentaServer.baseUrl(APP));
        admin = http.as("admin");
        user = http.as("foobar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"name\": }", "[1, 2", "{\"a\": 1} trailing", ""})
    void malformedJsonIsUndecodable(String body) {
        JsonNode d = assertError(admin.post("/v1/archive_policy", body), 400, "Bad Request");
        assertThat(d.path("cause").asText()).isEqualTo("Unable to decode body");
        assertError(user.post("/v1/metric/" + metric + "/measures", body), 400, "Bad Request");
        assertError(user.post("/v1/metric", body), 400, "Bad Request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": NaN}]",
            "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": Infinity}]",
            "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": -Infinity}]",
            "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": \"NaN\"}]",
            "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": \"inf\"}]",
            "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": \"foobar\"}]",
            "[{\"timestamp\": \"2015-03-06T14:33:57\"}]",
            "[{\"value\": 1}]",
            "[[\"2015-03-06T14:33:57\", 43.1]]",
            "1",
            "{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": 1}",
            "[{\"timestamp\": \"1915-03-06T14:33:57\", \"value\": 1}]",
            "[{\"timestamp\": -5, \"value\": 1}]",
            "[{\"timestamp\": \"1915-100-06T14:33:57\", \"value\": 1}]",
            "[{\"timestamp\": 1478012832, \"value\": 1}, {\"timestamp\": \"-5 minutes\", \"value\": 1}]"})
    void badMeasuresAreRefusedAndNothingIsStored(String body) {
        assertClientError(user.post("/v1/metric/" + metric + "/measures", body));
        JsonNode backlog = admin.get("/v1/status").json().at("/storage/measures_to_process");
        assertThat(backlog.has(metric)).isFalse();
    }

    @Test
    void preEpochTimestampsSaySo() {
        JsonNode d = assertError(user.post("/v1/metric/" + metric + "/measures",
                "[{\"timestamp\": \"1915-03-06T14:33:57\", \"value\": 43.1}]"), 400, "Bad Request");
        assertThat(d.toString()).contains("Timestamp must be after Epoch");
    }

    @Test
    void unknownFieldsAreRefusedWhereGnocchiRefusesThem() {
        JsonNode d = assertError(admin.post("/v1/archive_policy", "{\"cowsay\": \"moo\"}"), 400, "Bad Request");
        assertThat(d.path("cause").asText()).isEqualTo("Invalid input");
        assertThat(d.path("reason").asText()).startsWith("extra keys not allowed");
        assertThat(d.path("detail").get(0).asText()).isEqualTo("cowsay");
        JsonNode m = assertError(user.post("/v1/metric", "{\"archive_policy_name\": \"p\", \"colour\": \"red\"}"), 400,
                "Bad Request");
        assertThat(m.path("reason").asText()).isEqualTo("extra keys not allowed @ data['colour']");
        assertError(admin.post("/v1/archive_policy_rule", "{\"whaa\": \"foobar\"}"), 400, "Bad Request");
        // Extra keys in a measure are ignored by Gnocchi, and so here.
        assertThat(user.post("/v1/metric/" + metric + "/measures",
                "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": 1, \"extra\": true}]").status()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": 5, \"definition\": [{\"granularity\": 1}]}",
            "{\"name\": \"x\", \"definition\": \"foobar\"}",
            "{\"name\": \"x\", \"definition\": []}",
            "{\"name\": \"x\", \"definition\": [{\"granularity\": 0, \"points\": 60}]}",
            "{\"name\": \"x\", \"definition\": [{\"granularity\": 10, \"points\": 0}]}",
            "{\"name\": \"x\", \"definition\": [{\"granularity\": \"1 shenanigan\"}]}",
            "{\"name\": \"x\", \"back_window\": -1, \"definition\": [{\"granularity\": 1}]}",
            "{\"name\": \"x\", \"back_window\": \"abc\", \"definition\": [{\"granularity\": 1}]}",
            "{\"name\": \"x\", \"aggregation_methods\": [\"wtf\"], \"definition\": [{\"granularity\": 1}]}",
            "{\"name\": \"x\", \"definition\": [{\"granularity\": 1, \"points\": 60, \"timespan\": \"0:01:01\"}]}",
            "{\"name\": \"x\", \"definition\": [{\"granularity\": \"2 hour\", \"timespan\": \"1 hour\"}]}",
            "{\"name\": \"x\", \"definition\": [{\"granularity\": 1e300, \"points\": 1e300}]}",
            "[]", "\"x\"", "null"})
    void wrongTypesAndValuesInPolicies(String body) {
        assertError(admin.post("/v1/archive_policy", body), 400, "Bad Request");
    }

    @Test
    void wrongTypesInMetrics() {
        assertError(user.post("/v1/metric", "{\"archive_policy_name\": 5}"), 400, "Bad Request");
        assertError(user.post("/v1/metric", "{\"archive_policy_name\": \"p\", \"unit\": ["
                + "\"B\"]}"), 400, "Bad Request");
        assertError(user.post("/v1/metric", "[\"p\"]"), 400, "Bad Request");
        assertError(user.post("/v1/metric", "{\"archive_policy_name\": \"p\", \"unit\": \""
                + "x".repeat(32) + "\"}"), 400, "Bad Request");
    }

    @Test
    void unknownPoliciesAre400Or404() {
        assertError(user.post("/v1/metric", "{\"archive_policy_name\": \"nope\"}"), 400, "Bad Request");
        assertError(admin.patch("/v1/archive_policy/nope", "{\"definition\": [{\"granularity\": 1}]}"), 404, "Not Found");
        assertError(admin.delete("/v1/archive_policy/nope"), 404, "Not Found");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeParsing() {
        String big = "[" + "{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": 1},".repeat(3000) + "{}]";
        assertError(user.post("/v1/metric/" + metric + "/measures", big), 413, "Request Entity Too Large");
    }

    @Test
    void wrongMediaTypesAndMethods() {
        assertError(admin.send("POST", "/v1/archive_policy", "{}", "text/plain"), 415, "Unsupported Media Type");
        assertError(admin.send("PUT", "/v1/archive_policy", "{}", "application/json"), 405, "Method Not Allowed");
        // A client that accepts only text gets the error as text, as Gnocchi (webob) answers it.
        Http.Reply notAcceptable = admin.with("Accept", "text/plain").get("/v1/archive_policy");
        assertThat(notAcceptable.status()).isEqualTo(406);
        assertThat(notAcceptable.header("Content-Type")).startsWith("text/plain");
        assertThat(notAcceptable.body()).startsWith("406 Not Acceptable\n\n");
        assertError(admin.get("/v1/nothing-here"), 404, "Not Found");
    }

    @Test
    void badQueryArgumentsAre400() {
        assertError(user.get("/v1/metric/" + metric + "/measures?start=foobar"), 400, "Bad Request");
        assertError(user.get("/v1/metric/" + metric + "/measures?stop=1915-01-01"), 400, "Bad Request");
        assertError(user.get("/v1/metric/" + metric + "/measures?granularity=-1"), 400, "Bad Request");
        assertError(user.get("/v1/metric/" + metric + "/measures?resample=abc&granularity=1"), 400, "Bad Request");
        assertError(user.get("/v1/metric?limit=0"), 400, "Bad Request");
        assertError(user.get("/v1/metric?limit=x"), 400, "Bad Request");
        assertError(user.get("/v1/metric?status=weird"), 400, "Bad Request");
        assertError(user.get("/v1/aggregation/metric?metric=" + metric + "&fill=asdf"), 400, "Bad Request");
        assertError(user.get("/v1/aggregation/metric?metric=" + metric + "&needed_overlap=x"), 400, "Bad Request");
        assertError(user.post("/v1/search/metric?metric_id=" + metric, ""), 400, "Bad Request");
        assertError(user.post("/v1/search/metric?metric_id=" + metric, "{\"wat\": 1}"), 400, "Bad Request");
    }
}

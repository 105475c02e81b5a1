package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.Http.ok;
import static org.polenta.service.it.GnocchiErrors.assertClientError;
import static org.polenta.service.it.GnocchiErrors.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.service.PolentaConfiguration;

/**
 * POST /v1/aggregates by metric ids over real HTTP and the real Cassandra: the exact requests Aodh's
 * gnocchi_aggregation_by_metrics_threshold rule and Grafana's Gnocchi datasource send, and bad input (never a 500).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AggregatesApiIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(AggregatesApiIT.class);
    // Gnocchi writes NaN and Infinity as bare tokens.
    private static Http user;
    private static String metric1;
    private static String metric2;

    @BeforeAll
    static void metricsWithMeasures() {
        Http admin = new Http(PolentaServer.baseUrl(APP)).as("admin");
        user = new Http(PolentaServer.baseUrl(APP)).as("foobar");
        assertThat(admin.post("/v1/archive_policy", "{\"name\": \"cookies\", \"definition\": "
                + "[{\"granularity\": \"1 second\"}, {\"granularity\": \"60 second\"}]}").status()).isEqualTo(201);
        metric1 = createMetric("metric1");
        metric2 = createMetric("metric2");
        postMeasures(metric1, 43.1, 12, -16, 9, 11);
        postMeasures(metric2, 2, 4, 5, 10, 15);
        for (String id : List.of(metric1, metric2)) {
            assertThat(user.get("/v1/metric/" + id + "/measures?refresh=true").status()).isEqualTo(200);
        }
    }

    private static String createMetric(String name) {
        Http.Reply r = user.post("/v1/metric", "{\"name\": \"" + name + "\", \"archive_policy_name\": \"cookies\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private static void postMeasures(String id, double... values) {
        String[] stamps = {"14:33:57", "14:34:12", "14:34:15", "14:35:12", "14:35:15"};
        List<String> measures = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            measures.add("{\"timestamp\": \"2015-03-06T" + stamps[i] + "\", \"value\": " + values[i] + "}");
        }
        assertThat(user.post("/v1/metric/" + id + "/measures", "[" + String.join(", ", measures) + "]").status())
                .isEqualTo(202);
    }

    private static List<List<Object>> rows(JsonNode measures) {
        List<List<Object>> rows = new ArrayList<>();
        measures.forEach(r -> rows.add(List.of(r.get(0).asText(), r.get(1).asDouble(), r.get(2).asDouble())));
        return rows;
    }

    @Test
    void aodhAggregationByMetricsThresholdWithSeveralMetrics() {
        // aodh/evaluator/gnocchi.py: one ["metric", id, method] node per metric appended to the aggregate, and
        // gnocchiclient's aggregates.fetch query string.
        String body = "{\"operations\": [\"aggregate\", \"mean\", [\"metric\", \"" + metric1 + "\", \"mean\"], "
                + "[\"metric\", \"" + metric2 + "\", \"mean\"]]}";
        JsonNode answer = ok(user.post("/v1/aggregates?start=2015-03-06T14%3A30%3A00%2B00%3A00"
                + "&stop=2015-03-06T14%3A40%3A00%2B00%3A00&granularity=60&needed_overlap=0&refresh=False"
                + "&use_history=False", body));

        assertThat(rows(answer.at("/measures/aggregated"))).containsExactly(
                List.of("2015-03-06T14:33:00+00:00", 60.0, 22.55),
                List.of("2015-03-06T14:34:00+00:00", 60.0, 1.25),
                List.of("2015-03-06T14:35:00+00:00", 60.0, 11.25));
        assertThat(answer.has("references")).isFalse();
    }

    @Test
    void aodhAggregationByMetricsThresholdWithOneRateMetric() {
        String body = "{\"operations\": [\"aggregate\", \"rate:mean\", [\"metric\", \"" + metric1 + "\", \"mean\"]]}";
        JsonNode answer = ok(user.post("/v1/aggregates?start=2015-03-06T14%3A33%3A00&stop=2015-03-06T14%3A36%3A00"
                + "&granularity=60&needed_overlap=0", body));

        assertThat(rows(answer.at("/measures/aggregated"))).containsExactly(
                List.of("2015-03-06T14:34:00+00:00", 60.0, -45.1),
                List.of("2015-03-06T14:35:00+00:00", 60.0, 12.0));
    }

    @Test
    void aodhSeesAMissingMetricAs404() {
        String body = "{\"operations\": [\"aggregate\", \"mean\", [\"metric\", \"" + metric1 + "\", \"mean\"], "
                + "[\"metric\", \"8c062a7e-9f9f-4b1c-9996-9d0328512ab7\", \"mean\"]]}";
        JsonNode description = assertError(user.post("/v1/aggregates?granularity=60&needed_overlap=0", body),
                404, "Not Found");

        assertThat(description.path("cause").asText()).isEqualTo("Unknown metrics");
        assertThat(description.path("detail").get(0).asText()).isEqualTo("8c062a7e-9f9f-4b1c-9996-9d0328512ab7");
    }

    @Test
    void grafanaAggregatesQueryWithDetails() {
        // The datasource sends its expression as a string, both "end" and "stop", and details=true.
        String body = "{\"operations\": \"(aggregate mean (metric (" + metric1 + " mean) (" + metric2 + " mean)))\"}";
        JsonNode answer = ok(user.post("/v1/aggregates?details=true&start=1425652200&end=1425652800"
                + "&stop=1425652800&granularity=1&needed_overlap=0&fill=null", body));

        assertThat(rows(answer.at("/measures/aggregated"))).containsExactly(
                List.of("2015-03-06T14:33:57+00:00", 1.0, 22.55),
                List.of("2015-03-06T14:34:12+00:00", 1.0, 8.0),
                List.of("2015-03-06T14:34:15+00:00", 1.0, -5.5),
                List.of("2015-03-06T14:35:12+00:00", 1.0, 9.5),
                List.of("2015-03-06T14:35:15+00:00", 1.0, 13.0));
        List<String> ids = new ArrayList<>();
        answer.path("references").forEach(r -> ids.add(r.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder(metric1, metric2);
        answer.path("references").forEach(r -> assertThat(r.at("/archive_policy/name").asText()).isEqualTo("cookies"));
    }

    @Test
    void grafanaPerMetricQueryKeepsEachMetricApart() {
        String body = "{\"operations\": \"(* (metric (" + metric1 + " max) (" + metric2 + " min)) 2)\"}";
        JsonNode answer = ok(user.post("/v1/aggregates?details=true&granularity=60&fill=0", body));

        assertThat(rows(answer.at("/measures/" + metric1 + "/max"))).containsExactly(
                List.of("2015-03-06T14:33:00+00:00", 60.0, 86.2),
                List.of("2015-03-06T14:34:00+00:00", 60.0, 24.0),
                List.of("2015-03-06T14:35:00+00:00", 60.0, 22.0));
        assertThat(rows(answer.at("/measures/" + metric2 + "/min"))).containsExactly(
                List.of("2015-03-06T14:33:00+00:00", 60.0, 4.0),
                List.of("2015-03-06T14:34:00+00:00", 60.0, 8.0),
                List.of("2015-03-06T14:35:00+00:00", 60.0, 20.0));
    }

    @Test
    void refreshProcessesPendingMeasuresFirst() {
        String id = createMetric("fresh");
        assertThat(user.post("/v1/metric/" + id + "/measures",
                "[{\"timestamp\": \"2016-01-01T00:00:30\", \"value\": 4}]").status()).isEqualTo(202);

        JsonNode answer = ok(user.post("/v1/aggregates?refresh=true&granularity=60",
                "{\"operations\": [\"metric\", \"" + id + "\", \"mean\"]}"));

        assertThat(rows(answer.at("/measures/" + id + "/mean")))
                .containsExactly(List.of("2016-01-01T00:00:00+00:00", 60.0, 4.0));
    }

    // A request by ids starts reading the series of the metrics it remembers before their rows arrive: the rows
    // still decide, the moment they change.
    @Test
    void aMetricDeletedRightAfterItWasAggregatedIsUnknown() {
        String id = createMetric("short-lived");
        postMeasures(id, 1, 2, 3, 4, 5);
        String body = "{\"operations\": [\"aggregate\", \"mean\", [\"metric\", [\"" + metric1 + "\", \"mean\"], "
                + "[\"" + id + "\", \"mean\"]]]}";
        for (int i = 0; i < 3; i++) {
            ok(user.post("/v1/aggregates?granularity=60&refresh=" + (i == 0), body));
        }
        assertThat(user.delete("/v1/metric/" + id).status()).isEqualTo(204);

        JsonNode description = assertError(user.post("/v1/aggregates?granularity=60", body), 404, "Not Found");
        assertThat(description.path("cause").asText()).isEqualTo("Unknown metrics");
    }

    @Test
    void aPolicyChangedThroughTheApiShapesTheNextAnswer() {
        Http admin = new Http(PolentaServer.baseUrl(APP)).as("admin");
        assertThat(admin.post("/v1/archive_policy", "{\"name\": \"shrinking\", \"definition\": "
                + "[{\"granularity\": \"1 second\", \"points\": 100}]}").status()).isEqualTo(201);
        Http.Reply created = user.post("/v1/metric", "{\"archive_policy_name\": \"shrinking\"}");
        String id = created.json().path("id").asText();
        postMeasures(id, 1, 2, 3, 4, 5);
        String body = "{\"operations\": [\"metric\", \"" + id + "\", \"mean\"]}";
        assertThat(ok(user.post("/v1/aggregates?granularity=1&refresh=true", body)).at("/measures/" + id + "/mean")
                .size()).isEqualTo(5);
        assertThat(ok(user.post("/v1/aggregates?granularity=1", body)).at("/measures/" + id + "/mean").size())
                .isEqualTo(5);

        // Two points of one second: only what is newer than 2 s before the newest point is kept.
        assertThat(admin.patch("/v1/archive_policy/shrinking",
                "{\"definition\": [{\"granularity\": \"1 second\", \"points\": 2}]}").status()).isEqualTo(200);

        assertThat(rows(ok(user.post("/v1/aggregates?granularity=1", body)).at("/measures/" + id + "/mean")))
                .containsExactly(List.of("2015-03-06T14:35:15+00:00", 1.0, 5.0));
    }

    @Test
    void anotherUsersMetricIsForbidden() {
        Http other = new Http(PolentaServer.baseUrl(APP)).as("foobaz");
        assertError(other.post("/v1/aggregates", "{\"operations\": [\"metric\", \"" + metric1 + "\", \"mean\"]}"),
                403, "Forbidden");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("", "not json", 400, null),
                Arguments.of("", "[]", 400, "expected a dictionary"),
                Arguments.of("", "{}", 400, "required key not provided @ data['operations']"),
                Arguments.of("", "{\"operations\": \"(metric a mean)\", \"x\": 1}", 400,
                        "extra keys not allowed @ data['x']"),
                Arguments.of("", "{\"operations\": \"(metroc foo bar\"}", 400, "Fail to parse the operations string"),
                Arguments.of("", "{\"operations\": [\"rolling\", \"mean\", 0, [\"metric\", \"M1\", \"mean\"]]}", 400,
                        "'rolling' operation invalid for dictionary value @ data['operations']"),
                Arguments.of("", "{\"operations\": [\"metric\", [\"M1\", 5]]}", 400,
                        "expected str @ data['operations'][0]"),
                Arguments.of("", "{\"operations\": [\"metric\", \"not-a-uuid\", \"mean\"]}", 400,
                        "badly formed hexadecimal UUID string"),
                Arguments.of("", "{\"operations\": [\"+\", 1, 2]}", 400, "At least one 'metric' is required"),
                Arguments.of("", "{\"operations\": [\"metric\", \"M1\", \"what?\"]}", 404, null),
                Arguments.of("?granularity=1", "{\"operations\": [\"resample\", \"var\", 60, "
                        + "[\"metric\", \"M1\", \"mean\"]]}", 400, null),
                Arguments.of("", "{\"operations\": [\"+\", [\"metric\", \"M1\", \"mean\"], "
                        + "[\"aggregate\", \"mean\", 5]]}", 400, null),
                Arguments.of("?granularity=60", "{\"operations\": [\"rolling\", \"mean\", 1000, "
                        + "[\"metric\", \"M1\", \"mean\"]]}", 400, "Rolling window '1000' is greater than serie length '3'"),
                Arguments.of("", "{\"operations\": [\"-\", [\"resample\", \"mean\", 120, [\"metric\", \"M1\", \"mean\"]],"
                        + " [\"metric\", \"M2\", \"mean\"]]}", 400, null),
                Arguments.of("?granularity=123", "{\"operations\": [\"metric\", \"M1\", \"mean\"]}", 400,
                        "Granularities are missing"),
                Arguments.of("?fill=bogus", "{\"operations\": [\"metric\", \"M1\", \"mean\"]}", 400,
                        "Must be a float, 'dropna' or 'null'"),
                Arguments.of("?start=bogus", "{\"operations\": [\"metric\", \"M1\", \"mean\"]}", 400,
                        "Must be a datetime or a timestamp"),
                Arguments.of("?needed_overlap=x", "{\"operations\": [\"metric\", \"M1\", \"mean\"]}", 400,
                        "Must be a number"),
                Arguments.of("?details=maybe", "{\"operations\": [\"metric\", \"M1\", \"mean\"]}", 400, null),
                Arguments.of("?granularity=60&needed_overlap=100", "{\"operations\": [\"metric\", [\"M1\", \"mean\"], "
                        + "[\"00000000-0000-4000-8000-000000000000\", \"mean\"]]}", 404, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badInput")
    void badInputIsAClientErrorInGnocchisShape(String query, String body, int status, String reasonPart) {
        String resolved = body.replace("M1", metric1).replace("M2", metric2);
        Http.Reply reply = user.post("/v1/aggregates" + query, resolved);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        JsonNode description = assertClientError(reply);
        if (reasonPart != null) {
            assertThat(description.toString()).contains(reasonPart);
        }
    }
}

package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.Http.ok;
import static org.polenta.service.it.GnocchiErrors.assertClientError;
import static org.polenta.service.it.GnocchiErrors.assertError;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.service.PolentaConfiguration;

/**
 * Aggregation over the resources a search finds (POST /v1/aggregates with resource_type and search, and
 * /v1/aggregation/resource/{type}/metric/{name}) over real HTTP and the real Cassandra, in noauth mode with two
 * projects: the requests CloudKitty's gnocchi collector, Aodh's three gnocchi rules and Grafana's datasource send,
 * per-project visibility, and bad input (a 4xx in Gnocchi's shape, never a 500).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AggregatesByResourcesIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(
            AggregatesByResourcesIT.class, ConfigOverride.config("auth.mode", "noauth"));
    // Gnocchi writes NaN and Infinity as bare tokens.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    // Fixed ids so that groupby=id orders the groups predictably.
    private static final String I1 = "11111111-1111-4111-8111-111111111111";
    private static final String I2 = "22222222-2222-4222-8222-222222222222";
    private static final String I3 = "33333333-3333-4333-8333-333333333333";
    private static final String H0 = "2026-11-25T00:00:00+00:00";
    private static final String H1 = "2026-11-25T01:00:00+00:00";
    private static final String DAY = "start=2026-11-25T00%3A00%3A00%2B00%3A00&stop=2026-11-26T00%3A00%3A00%2B00%3A00";

    private static Http admin;
    private static Http alice;
    private static Http carol;

    private static Http as(String user, String project, String roles) {
        return new Http(PolentaServer.baseUrl(APP)).with("X-User-Id", user).with("X-Project-Id", project)
                .with("X-Roles", roles);
    }

    /**
     * Project p1: I1 (alice, server group sg1, cpu hourly means 15 then 30) and I2 (bob, sg1, 40 then 50);
     * project p2: I3 (carol, sg2, 70 then 90). Each also has a "memory" metric no query here reads.
     */
    @BeforeAll
    static void instancesWithMeasures() {
        admin = as("root", "ops", "admin");
        alice = as("alice", "p1", "member");
        carol = as("carol", "p2", "member");
        created(admin.post("/v1/archive_policy", "{\"name\": \"hourly\", \"definition\": "
                + "[{\"granularity\": \"1 hour\", \"timespan\": \"30 days\"}]}"));
        created(admin.post("/v1/resource_type", "{\"name\": \"instance\", \"attributes\": "
                + "{\"server_group\": {\"type\": \"string\", \"required\": false}}}"));
        instance(alice, I1, "alice", "p1", "sg1", Map.of("00:10", 10.0, "00:40", 20.0, "01:20", 30.0));
        instance(alice, I2, "bob", "p1", "sg1", Map.of("00:15", 40.0, "01:05", 50.0));
        instance(carol, I3, "carol", "p2", "sg2", Map.of("00:20", 70.0, "01:30", 90.0));
    }

    private static void instance(Http owner, String id, String user, String project, String serverGroup,
                                 Map<String, Double> cpu) {
        created(owner.post("/v1/resource/instance", "{\"id\": \"" + id + "\", \"user_id\": \"" + user
                + "\", \"project_id\": \"" + project + "\", \"server_group\": \"" + serverGroup + "\", \"metrics\": "
                + "{\"cpu\": {\"archive_policy_name\": \"hourly\"}, \"memory\": {\"archive_policy_name\": \"hourly\"}}}"));
        List<String> measures = new ArrayList<>();
        cpu.forEach((time, value) -> measures.add("{\"timestamp\": \"2026-11-25T" + time + ":00\", \"value\": "
                + value + "}"));
        Http.Reply posted = owner.post("/v1/resource/instance/" + id + "/metric/cpu/measures",
                "[" + String.join(", ", measures) + "]");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
        // Aggregated now, so that the replayed requests below are exactly what the clients send (no refresh).
        ok(owner.get("/v1/resource/instance/" + id + "/metric/cpu/measures?refresh=true"));
    }

    private static void created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static List<List<Object>> rows(JsonNode measures) {
        assertThat(measures.isArray()).as(String.valueOf(measures)).isTrue();
        List<List<Object>> rows = new ArrayList<>();
        measures.forEach(r -> rows.add(List.of(r.get(0).asText(), r.get(1).asDouble(), r.get(2).asDouble())));
        return rows;
    }

    private static List<Object> row(String time, double value) {
        return List.of(time, 3600.0, value);
    }

    /** cloudkitty/collector/gnocchi.py: the query string and body of its per-metric fetch. */
    private static Http.Reply cloudKittyFetch(Http who, String search) {
        return who.post("/v1/aggregates?" + DAY + "&granularity=3600&groupby=id&groupby=user_id&groupby=project_id"
                        + "&use_history=True",
                "{\"operations\": [\"aggregate\", \"max\", [\"metric\", \"cpu\", \"mean\"]], "
                        + "\"resource_type\": \"instance\", \"search\": " + search + "}");
    }

    private static String cloudKittySearch(String project) {
        return "{\"and\": [{\"=\": {\"type\": \"instance\"}}, {\"=\": {\"project_id\": \"" + project + "\"}}]}";
    }

    @Test
    void cloudKittyRatesATenantOnItsOwnInstancesOneGroupPerResource() {
        JsonNode groups = ok(cloudKittyFetch(alice, cloudKittySearch("p1")));

        assertThat(groups.size()).isEqualTo(2);
        assertThat(JSON.convertValue(groups.get(0).get("group"), Map.class))
                .isEqualTo(Map.of("id", I1, "user_id", "alice", "project_id", "p1"));
        assertThat(rows(groups.get(0).at("/measures/measures/aggregated"))).containsExactly(row(H0, 15), row(H1, 30));
        assertThat(JSON.convertValue(groups.get(1).get("group"), Map.class))
                .isEqualTo(Map.of("id", I2, "user_id", "bob", "project_id", "p1"));
        assertThat(rows(groups.get(1).at("/measures/measures/aggregated"))).containsExactly(row(H0, 40), row(H1, 50));
        assertThat(groups.get(0).path("measures").has("references")).isFalse();
    }

    @Test
    void cloudKittyAsAnAdminRatesEveryProject() {
        JsonNode groups = ok(cloudKittyFetch(admin, "{\"=\": {\"type\": \"instance\"}}"));

        List<String> ids = new ArrayList<>();
        groups.forEach(g -> ids.add(g.at("/group/id").asText()));
        assertThat(ids).containsExactly(I1, I2, I3);
        assertThat(groups.get(2).at("/group/project_id").asText()).isEqualTo("p2");
        assertThat(rows(groups.get(2).at("/measures/measures/aggregated"))).containsExactly(row(H0, 70), row(H1, 90));
    }

    @Test
    void aTenantAskingForAnotherProjectFindsNoMetricAndSeesNoData() {
        Http.Reply reply = cloudKittyFetch(carol, cloudKittySearch("p1"));

        JsonNode description = assertError(reply, 400, "Bad Request");
        assertThat(description.path("cause").asText()).isEqualTo("Metrics not found");
        assertThat(description.path("detail").get(0).asText()).isEqualTo("cpu");
        assertThat(reply.body()).doesNotContain(I1).doesNotContain(I2);
    }

    @Test
    void aTenantSearchingEverythingOnlyAggregatesItsOwnResources() {
        JsonNode answer = ok(carol.post("/v1/aggregates?details=true&granularity=3600&" + DAY,
                "{\"operations\": \"(aggregate sum (metric cpu mean))\", \"resource_type\": \"instance\", "
                        + "\"search\": {}}"));

        assertThat(rows(answer.at("/measures/aggregated"))).containsExactly(row(H0, 70), row(H1, 90));
        assertThat(answer.path("references").size()).isEqualTo(1);
        assertThat(answer.at("/references/0/id").asText()).isEqualTo(I3);
    }

    @Test
    void aodhGnocchiResourcesThreshold() {
        // aodh/evaluator/gnocchi.py GnocchiResourceThresholdEvaluator: one resource's metric, read directly.
        JsonNode answer = ok(admin.get("/v1/resource/instance/" + I1 + "/metric/cpu/measures?aggregation=mean"
                + "&granularity=3600&start=2026-11-25T00%3A00%3A00%2B00%3A00&stop=2026-11-25T02%3A00%3A00%2B00%3A00"));

        assertThat(rows(answer)).containsExactly(row(H0, 15), row(H1, 30));
    }

    @Test
    void aodhGnocchiAggregationByMetricsThreshold() {
        String cpu1 = admin.get("/v1/resource/instance/" + I1).json().at("/metrics/cpu").asText();
        String cpu2 = admin.get("/v1/resource/instance/" + I2).json().at("/metrics/cpu").asText();
        JsonNode answer = ok(admin.post("/v1/aggregates?granularity=3600&start=2026-11-25T00%3A00%3A00%2B00%3A00"
                + "&stop=2026-11-25T02%3A00%3A00%2B00%3A00&needed_overlap=0",
                "{\"operations\": [\"aggregate\", \"mean\", [\"metric\", \"" + cpu1 + "\", \"mean\"], "
                        + "[\"metric\", \"" + cpu2 + "\", \"mean\"]]}"));

        assertThat(rows(answer.at("/measures/aggregated"))).containsExactly(row(H0, 27.5), row(H1, 40));
    }

    @Test
    void aodhGnocchiAggregationByResourcesThresholdWithItsRewrittenQuery() {
        // The alarm API wraps the user's query in a project restriction (aodh/api/controllers/v2/alarm_rules).
        String search = "{\"and\": [{\"or\": [{\"=\": {\"created_by_project_id\": \"p1\"}}, {\"and\": ["
                + "{\"=\": {\"created_by_project_id\": \"service\"}}, {\"=\": {\"project_id\": \"p1\"}}]}]}, "
                + "{\"=\": {\"server_group\": \"sg1\"}}]}";
        JsonNode answer = ok(admin.post("/v1/aggregates?granularity=3600"
                        + "&start=2026-11-25T00%3A00%3A00%2B00%3A00&stop=2026-11-25T02%3A00%3A00%2B00%3A00"
                        + "&needed_overlap=0",
                "{\"operations\": [\"aggregate\", \"mean\", [\"metric\", \"cpu\", \"mean\"]], "
                        + "\"resource_type\": \"instance\", \"search\": " + search + "}"));

        assertThat(rows(answer.at("/measures/aggregated"))).containsExactly(row(H0, 27.5), row(H1, 40));
    }

    @Test
    void grafanaAggregatesWithAFilterStringAndGroupby() {
        // The datasource sends both "end" and "stop"; "end" means nothing to Gnocchi and is ignored.
        JsonNode groups = ok(admin.post("/v1/aggregates?details=true&fill=null&needed_overlap=0&groupby=project_id"
                        + "&start=2026-11-25T00%3A00%3A00%2B00%3A00&end=2026-11-25T01%3A00%3A00%2B00%3A00"
                        + "&stop=2026-11-25T01%3A00%3A00%2B00%3A00",
                "{\"operations\": \"(aggregate mean (metric cp? mean))\", \"resource_type\": \"instance\", "
                        + "\"search\": \"server_group='sg1' or server_group='sg2'\"}"));

        assertThat(groups.size()).isEqualTo(2);
        assertThat(groups.at("/0/group/project_id").asText()).isEqualTo("p1");
        assertThat(rows(groups.at("/0/measures/measures/aggregated"))).containsExactly(row(H0, 27.5));
        List<String> references = new ArrayList<>();
        groups.at("/0/measures/references").forEach(r -> references.add(r.path("id").asText()));
        assertThat(references).containsExactlyInAnyOrder(I1, I2);
        assertThat(groups.at("/1/measures/references/0/server_group").asText()).isEqualTo("sg2");
    }

    @Test
    void grafanaAggregationByResourceWithGroupby() {
        JsonNode groups = ok(admin.post("/v1/aggregation/resource/instance/metric/cpu?groupby=project_id"
                        + "&aggregation=mean&reaggregation=max&needed_overlap=0&granularity=3600"
                        + "&start=2026-11-25T00%3A00%3A00%2B00%3A00&end=2026-11-26T00%3A00%3A00%2B00%3A00"
                        + "&stop=2026-11-26T00%3A00%3A00%2B00%3A00",
                "{\"in\": {\"project_id\": [\"p1\", \"p2\"]}}"));

        assertThat(groups.size()).isEqualTo(2);
        assertThat(JSON.convertValue(groups.get(0).get("group"), Map.class)).isEqualTo(Map.of("project_id", "p1"));
        assertThat(rows(groups.get(0).get("measures"))).containsExactly(row(H0, 40), row(H1, 50));
        assertThat(rows(groups.get(1).get("measures"))).containsExactly(row(H0, 70), row(H1, 90));
    }

    @Test
    void aggregationByResourceOnlyAggregatesWhatTheTenantMaySee() {
        JsonNode rows = ok(alice.post("/v1/aggregation/resource/instance/metric/cpu?granularity=3600", ""));

        assertThat(rows(rows)).containsExactly(row(H0, 27.5), row(H1, 40));
    }

    @Test
    void aggregationByResourceWithAFilterAndAMetricNoResourceHasIsEmpty() {
        assertThat(rows(ok(admin.post("/v1/aggregation/resource/instance/metric/disk?filter=project_id%3D%27p1%27",
                "")))).isEmpty();
        JsonNode one = ok(admin.post("/v1/aggregation/resource/instance/metric/cpu?granularity=3600"
                + "&filter=project_id%3D%27p2%27", ""));
        assertThat(rows(one)).containsExactly(row(H0, 70), row(H1, 90));
    }

    static Stream<Arguments> badAggregatesInput() {
        String ops = "\"operations\": \"(aggregate mean (metric cpu mean))\"";
        return Stream.of(
                Arguments.of("", "{\"operations\": \"(aggregate mean (metric cpu mean)\", "
                        + "\"resource_type\": \"instance\", \"search\": {}}", 400, "Fail to parse the operations string"),
                Arguments.of("", "{\"operations\": [\"aggregate\", \"nope\", [\"metric\", \"cpu\", \"mean\"]], "
                        + "\"resource_type\": \"instance\", \"search\": {}}", 400,
                        "'aggregate' operation invalid for dictionary value @ data['operations']"),
                Arguments.of("", "{\"operations\": [\"metric\", \"cpu\", \"nope\"], "
                        + "\"resource_type\": \"instance\", \"search\": {}}", 404, "nope"),
                Arguments.of("", "{" + ops + ", \"resource_type\": \"vm\", \"search\": {}}", 400,
                        "{\"cause\":\"Resource type does not exist\",\"detail\":\"vm\"}"),
                Arguments.of("", "{" + ops + ", \"resource_type\": 5, \"search\": {}}", 400, "expected str"),
                Arguments.of("", "{" + ops + ", \"resource_type\": \"instance\"}", 400,
                        "required key not provided @ data['search']"),
                Arguments.of("", "{" + ops + ", \"resource_type\": \"instance\", \"search\": {\"=\": {\"nope\": 1}}}",
                        400, "nope"),
                Arguments.of("", "{" + ops + ", \"resource_type\": \"instance\", \"search\": {\"~\": {\"id\": 1}}}",
                        400, "~"),
                Arguments.of("", "{" + ops + ", \"resource_type\": \"instance\", \"search\": \"project_id ==\"}",
                        400, "Invalid filter"),
                Arguments.of("", "{" + ops + ", \"resource_type\": \"instance\", \"search\": 5}", 400, null),
                Arguments.of("", "{" + ops + ", \"resource_type\": \"instance\", \"search\": null}", 400, null),
                Arguments.of("?groupby=nope", "{" + ops + ", \"resource_type\": \"instance\", \"search\": {}}", 400,
                        "Invalid pagination: `Sort key supplied is invalid: nope'"),
                Arguments.of("?use_history=maybe", "{" + ops + ", \"resource_type\": \"instance\", \"search\": {}}",
                        400, "use_history"),
                Arguments.of("?groupby=id", "{\"operations\": \"(metric disk.* mean)\", "
                        + "\"resource_type\": \"instance\", \"search\": {}}", 400, "Metrics not found"),
                Arguments.of("?granularity=60", "{" + ops + ", \"resource_type\": \"instance\", \"search\": {}}", 400,
                        null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badAggregatesInput")
    void badAggregatesInputIsAClientErrorInGnocchisShape(String query, String body, int status, String part) {
        Http.Reply reply = admin.post("/v1/aggregates" + query, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        JsonNode description = assertClientError(reply);
        if (part != null) {
            assertThat(description.toString()).contains(part);
        }
    }

    static Stream<Arguments> badAggregationByResourceInput() {
        return Stream.of(
                Arguments.of("POST", "/v1/aggregation/resource/vm/metric/cpu", 404, "Resource type vm does not exist"),
                Arguments.of("POST", "/v1/aggregation/resource/instance/metric/cpu?groupby=nope", 400,
                        "Invalid groupby attribute"),
                Arguments.of("POST", "/v1/aggregation/resource/instance/metric/cpu?filter=project_id%3D%3D", 400,
                        "Invalid filter"),
                Arguments.of("POST", "/v1/aggregation/resource/instance/metric/cpu?aggregation=nope", 404, "nope"),
                Arguments.of("POST", "/v1/aggregation/resource/instance/metric/cpu?resample=60", 400,
                        "A granularity must be specified to resample"),
                Arguments.of("POST", "/v1/aggregation/resource/instance/metric/cpu?granularity=3600&resample=abc",
                        400, null),
                Arguments.of("POST", "/v1/aggregation/resource/instance/metric/cpu?start=yesterdayish", 400,
                        "Must be a datetime or a timestamp"),
                Arguments.of("GET", "/v1/aggregation/resource/instance/metric/cpu", 405, null),
                Arguments.of("GET", "/v1/aggregation/resource/vm/metric/cpu", 404, "Resource type vm does not exist"),
                Arguments.of("POST", "/v1/aggregation/resource/instance/metric", 405, null),
                Arguments.of("POST", "/v1/aggregation/resource/instance/nope/cpu", 404, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badAggregationByResourceInput")
    void badAggregationByResourceInputIsAClientError(String method, String path, int status, String part) {
        Http.Reply reply = admin.send(method, path, method.equals("POST") ? "" : null,
                method.equals("POST") ? "application/json" : null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        JsonNode description = assertClientError(reply);
        if (part != null) {
            assertThat(description.toString()).contains(part);
        }
    }

    @Test
    void aBadSearchBodyOfAggregationByResourceIsA400() {
        Http.Reply reply = admin.post("/v1/aggregation/resource/instance/metric/cpu", "{\"=\": {\"nope\": 1}}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(assertClientError(reply).toString()).contains("nope");
    }
}

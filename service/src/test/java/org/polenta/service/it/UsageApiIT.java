package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.polenta.service.it.GnocchiErrors.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

/**
 * GET /v1/usage over real HTTP and Cassandra, checked against what /v1/aggregates answers on the same metrics:
 * the counter increase is the sum of Gnocchi's rate:mean except across a reset (where the new value is growth,
 * not a negative rate), the gauge mean and max those of the mean and max aggregates, the instance-hours the time
 * the instances' aggregates cover. Two projects in noauth mode: each member sees its own, the admin all or one.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UsageApiIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(UsageApiIT.class,
            ConfigOverride.config("auth.mode", "noauth"));

    private static final String PERIOD = "start=2026-11-26T10:01:00&stop=2026-11-26T10:10:00&granularity=60";
    private static final String P1 = "project-one";
    private static final String P2 = "project-two";

    private static final Map<String, String> CPU = new LinkedHashMap<>();    // instance -> cpu metric id, in P1
    private static final Map<String, String> MEMORY = new LinkedHashMap<>(); // instance -> memory metric id, in P1
    private static String steadyCpu;
    private static String resetCpu;

    private static Http as(String user, String project, String roles) {
        return new Http(PolentaServer.baseUrl(APP)).with("X-User-Id", user).with("X-Project-Id", project)
                .with("X-Roles", roles);
    }

    private static Http admin() {
        return as("root", "ops", "admin");
    }

    @BeforeAll
    static void twoProjectsOfInstances() {
        Http admin = admin();
        ok(admin.post("/v1/archive_policy", "{\"name\": \"usage-rate\", \"aggregation_methods\": [\"mean\", \"max\", "
                + "\"rate:mean\"], \"definition\": [{\"granularity\": \"1 minute\", \"timespan\": \"1 day\"}]}"), 201);
        ok(admin.post("/v1/archive_policy", "{\"name\": \"usage-gauge\", \"aggregation_methods\": [\"mean\", "
                + "\"max\"], \"definition\": [{\"granularity\": \"1 minute\", \"timespan\": \"1 day\"}]}"), 201);
        ok(admin.post("/v1/resource_type", "{\"name\": \"instance\", \"attributes\": {\"flavor_name\": "
                + "{\"type\": \"string\", \"required\": false}}}"), 201);

        Http alice = as("alice", P1, "member");
        // 10:00 to 10:09, one value a minute; the second counter restarts at 10:03.
        steadyCpu = instance(alice, P1, "m1.small", new double[] {0, 10, 20, 30, 40, 50, 60, 70, 80, 90},
                new double[] {512, 512, 512, 512, 512, 1024, 512, 512, 512, 512});
        resetCpu = instance(alice, P1, "m1.small", new double[] {100, 150, 200, 20, 70, 120, 170, 220, 270, 320},
                new double[] {256, 256, 256, 256, 256, 256, 256, 256, 256, 256});
        instance(as("carol", P2, "member"), P2, "m1.large", new double[] {5, 6, 7, 8, 9, 10, 11, 12, 13, 14},
                new double[] {2048, 2048, 2048, 2048, 2048, 2048, 2048, 2048, 2048, 2048});
    }

    /** An instance with a cpu counter and a memory gauge; returns its cpu metric id (in P1, noted for checks). */
    private static String instance(Http member, String project, String flavor, double[] cpu, double[] memory) {
        String id = UUID.randomUUID().toString();
        JsonNode r = ok(member.post("/v1/resource/instance", "{\"id\": \"" + id + "\", \"project_id\": \"" + project
                + "\", \"flavor_name\": \"" + flavor + "\", \"metrics\": {\"cpu\": {\"archive_policy_name\": "
                + "\"usage-rate\", \"unit\": \"ns\"}, \"memory\": {\"archive_policy_name\": \"usage-gauge\", "
                + "\"unit\": \"MB\"}}}"), 201);
        String cpuId = r.at("/metrics/cpu").asText();
        String memoryId = r.at("/metrics/memory").asText();
        post(member, cpuId, cpu);
        post(member, memoryId, memory);
        if (project.equals(P1)) {
            CPU.put(id, cpuId);
            MEMORY.put(id, memoryId);
        }
        return cpuId;
    }

    private static void post(Http member, String metric, double[] values) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            body.append(i == 0 ? "" : ", ").append("{\"timestamp\": \"2026-11-26T10:0").append(i)
                    .append(":00\", \"value\": ").append(values[i]).append('}');
        }
        assertThat(member.post("/v1/metric/" + metric + "/measures", body.append(']').toString()).status())
                .isEqualTo(202);
        ok(member.get("/v1/metric/" + metric + "/measures?refresh=true"), 200);
    }

    @Test
    void theCounterIncreaseIsTheSumOfGnocchisRatesWithResetsCountedAsGrowth() {
        JsonNode cpu = line(as("alice", P1, "member").get("/v1/usage?" + PERIOD), P1, "cpu");
        assertThat(cpu.path("kind").asText()).isEqualTo("cumulative");
        assertThat(cpu.path("unit").asText()).isEqualTo("ns");
        assertThat(cpu.path("resources").asInt()).isEqualTo(2);

        double expected = 0;
        for (String metric : CPU.values()) {
            List<double[]> rates = aggregates(metric, "rate:mean");
            List<double[]> values = aggregates(metric, "mean");
            for (int i = 0; i < rates.size(); i++) {
                // Aligned series: the rate at t is mean(t) - mean(t - 1 min); a negative one is a reset.
                assertThat(rates.get(i)[0]).isEqualTo(values.get(i)[0]);
                expected += rates.get(i)[1] >= 0 ? rates.get(i)[1] : values.get(i)[1];
            }
        }
        assertThat(cpu.path("increase").asDouble()).isEqualTo(expected).isEqualTo(90 + 420);

        double gnocchiSum = aggregates(resetCpu, "rate:mean").stream().mapToDouble(p -> p[1]).sum();
        assertThat(gnocchiSum).as("Gnocchi #1079: the plain sum of rates loses the reset").isEqualTo(220.0);
        assertThat(aggregates(steadyCpu, "rate:mean").stream().mapToDouble(p -> p[1]).sum()).isEqualTo(90.0);
    }

    @Test
    void theGaugeMeanAndMaxAreThoseOfItsAggregates() {
        JsonNode memory = line(as("alice", P1, "member").get("/v1/usage?" + PERIOD), P1, "memory");
        assertThat(memory.path("kind").asText()).isEqualTo("gauge");
        assertThat(memory.path("unit").asText()).isEqualTo("MB");
        List<Double> means = new ArrayList<>();
        double max = Double.NEGATIVE_INFINITY;
        for (String metric : MEMORY.values()) {
            aggregates(metric, "mean").forEach(p -> means.add(p[1]));
            max = Math.max(max, aggregates(metric, "max").stream().mapToDouble(p -> p[1]).max().orElseThrow());
        }
        // Every bucket lies wholly in the period: the time-weighted mean is the plain mean of the buckets.
        double mean = means.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(memory.path("mean").asDouble()).isCloseTo(mean, within(1e-9));
        assertThat(memory.path("max").asDouble()).isEqualTo(max).isEqualTo(1024.0);
    }

    @Test
    void instanceHoursPerFlavorAreTheTimeTheInstancesAggregatesCover() {
        JsonNode report = ok(admin().get("/v1/usage?" + PERIOD), 200);
        double p1Hours = 0;
        for (String instance : CPU.keySet()) {
            TreeSet<String> buckets = new TreeSet<>();
            for (String metric : List.of(CPU.get(instance), MEMORY.get(instance))) {
                aggregates(metric, "mean").forEach(p -> buckets.add(String.valueOf(p[0])));
            }
            p1Hours += buckets.size() * 60 / 3600.0;
        }
        JsonNode small = find(report.path("instance_hours"), P1, "flavor", "m1.small");
        assertThat(small.path("instances").asInt()).isEqualTo(2);
        assertThat(small.path("hours").asDouble()).isCloseTo(p1Hours, within(1e-9)).isCloseTo(0.3, within(1e-9));
        assertThat(find(report.path("instance_hours"), P2, "flavor", "m1.large").path("hours").asDouble())
                .isCloseTo(0.15, within(1e-9));
    }

    @Test
    void aMemberSeesItsOwnProjectOnlyAndTheAdminAllOrOne() {
        JsonNode alice = ok(as("alice", P1, "member").get("/v1/usage?" + PERIOD), 200);
        assertThat(projects(alice)).containsOnly(P1);
        assertThat(ok(as("alice", P1, "member").get("/v1/usage?project_id=" + P1 + "&" + PERIOD), 200))
                .isEqualTo(alice);
        assertError(as("alice", P1, "member").get("/v1/usage?project_id=" + P2 + "&" + PERIOD), 403, "Forbidden");
        assertThat(projects(ok(as("dave", "project-three", "member").get("/v1/usage?" + PERIOD), 200))).isEmpty();

        assertThat(projects(ok(admin().get("/v1/usage?" + PERIOD), 200))).contains(P1, P2);
        assertThat(projects(ok(admin().get("/v1/usage?project_id=" + P2 + "&" + PERIOD), 200))).containsOnly(P2);
        JsonNode p2cpu = line(admin().get("/v1/usage?project_id=" + P2 + "&" + PERIOD), P2, "cpu");
        assertThat(p2cpu.path("increase").asDouble()).isEqualTo(9.0);
    }

    @Test
    void csvCarriesTheSameNumbersAsJson() {
        Http alice = as("alice", P1, "member");
        JsonNode json = ok(alice.get("/v1/usage?" + PERIOD), 200);
        Http.Reply csv = alice.get("/v1/usage?format=csv&" + PERIOD);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        JsonNode memory = find(json.path("usage"), P1, "meter", "memory");
        JsonNode hours = find(json.path("instance_hours"), P1, "flavor", "m1.small");
        assertThat(csv.body().split("\r\n")).containsExactly(
                "project_id,resource_type,meter,flavor,unit,kind,resources,increase,mean,max,hours",
                P1 + ",instance,cpu,,ns,cumulative,2,510.0,,,",
                P1 + ",instance,memory,,MB,gauge,2,," + repr(memory.path("mean")) + ",1024.0,",
                P1 + ",instance,instance-hours,m1.small,h,,2,,,," + repr(hours.path("hours")));
    }

    private static String repr(JsonNode number) {
        return org.polenta.core.time.PythonFloatRepr.of(number.asDouble());
    }

    @Test
    void badArgumentsAre400sInGnocchisShape() {
        Http alice = as("alice", P1, "member");
        assertThat(assertError(alice.get("/v1/usage?stop=2026-11-26T10:10:00"), 400, "Bad Request")
                .path("detail").asText()).isEqualTo("start");
        assertThat(assertError(alice.get("/v1/usage?start=2026-11-26T10:10:00&stop=2026-11-26T10:00:00"), 400,
                "Bad Request").path("detail").asText()).isEqualTo("stop");
        assertThat(assertError(alice.get("/v1/usage?start=yesterday-ish&stop=2026-11-26T10:00:00"), 400,
                "Bad Request").path("detail").asText()).isEqualTo("start");
        assertThat(assertError(alice.get("/v1/usage?format=xml&" + PERIOD), 400, "Bad Request")
                .path("detail").asText()).isEqualTo("format");
        assertThat(assertError(alice.get("/v1/usage?start=2026-11-26T10:00:00&stop=2026-11-26T10:10:00"
                + "&granularity=soon"), 400, "Bad Request").path("detail").asText()).isEqualTo("granularity");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** [timestamp seconds, value] of one metric's aggregate over the period, as /v1/aggregates answers it. */
    private static List<double[]> aggregates(String metric, String method) {
        JsonNode answer = ok(admin().post("/v1/aggregates?" + PERIOD,
                "{\"operations\": [\"metric\", \"" + metric + "\", \"" + method + "\"]}"), 200);
        JsonNode series = answer.path("measures").path(metric).path(method);
        assertThat(series.isArray()).as(answer.toString()).isTrue();
        List<double[]> points = new ArrayList<>();
        series.forEach(p -> points.add(new double[] {
                java.time.OffsetDateTime.parse(p.get(0).asText()).toEpochSecond(), p.get(2).asDouble()}));
        return points;
    }

    private static JsonNode line(Http.Reply reply, String project, String meter) {
        return find(ok(reply, 200).path("usage"), project, "meter", meter);
    }

    private static JsonNode find(JsonNode lines, String project, String field, String value) {
        for (JsonNode l : lines) {
            if (l.path("project_id").asText().equals(project) && l.path(field).asText().equals(value)) {
                return l;
            }
        }
        throw new AssertionError("no " + field + " " + value + " of " + project + " in " + lines);
    }

    private static List<String> projects(JsonNode report) {
        List<String> projects = new ArrayList<>();
        report.path("usage").forEach(l -> projects.add(l.path("project_id").asText()));
        report.path("instance_hours").forEach(l -> projects.add(l.path("project_id").asText()));
        return projects;
    }

    private static JsonNode ok(Http.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply.json();
    }
}

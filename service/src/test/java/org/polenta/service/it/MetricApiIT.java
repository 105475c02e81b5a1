package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.GnocchiErrors.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

@ExtendWith(DropwizardExtensionsSupport.class)
class MetricApiIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(MetricApiIT.class);

    private Http admin;
    private Http user;

    @BeforeAll
    static void policies() {
        Http admin = new Http(PolentaServer.baseUrl(APP)).as("admin");
        assertThat(admin.post("/v1/archive_policy", "{\"name\": \"cookies\", \"definition\": "
                + "[{\"granularity\": \"1 second\"}, {\"granularity\": \"1 minute\", \"points\": 10}]}").status())
                .isEqualTo(201);
        assertThat(admin.post("/v1/archive_policy_rule",
                "{\"name\": \"disk\", \"metric_pattern\": \"disk.io.*\", \"archive_policy_name\": \"cookies\"}")
                .status()).isEqualTo(201);
    }

    @BeforeEach
    void clients() {
        Http http = new Http(PolentaServer.baseUrl(APP));
        admin = http.as("admin");
        user = http.as("foobar");
    }

    private String createMetric(Http as, String body) {
        Http.Reply r = as.post("/v1/metric", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    @Test
    void createGetAndDelete() {
        Http.Reply created = user.post("/v1/metric", "{\"name\": \"disk.io.rate\", \"unit\": \"B/s\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode m = created.json();
        String id = m.path("id").asText();
        assertThat(m.path("archive_policy_name").asText()).isEqualTo("cookies");
        assertThat(m.path("name").asText()).isEqualTo("disk.io.rate");
        assertThat(m.path("unit").asText()).isEqualTo("B/s");
        assertThat(m.path("creator").asText()).isEqualTo("foobar");
        assertThat(m.path("created_by_user_id").asText()).isEqualTo("foobar");
        assertThat(m.path("created_by_project_id").asText()).isEmpty();
        assertThat(created.header("Location")).isEqualTo(PolentaServer.baseUrl(APP) + "/v1/metric/" + id);

        JsonNode got = user.get("/v1/metric/" + id).json();
        assertThat(got.at("/archive_policy/name").asText()).isEqualTo("cookies");
        assertThat(got.path("id").asText()).isEqualTo(id);

        assertError(new Http(PolentaServer.baseUrl(APP)).as("foobaz").delete("/v1/metric/" + id), 403, "Forbidden");
        assertThat(user.delete("/v1/metric/" + id).status()).isEqualTo(204);
        assertThat(assertError(user.get("/v1/metric/" + id), 404, "Not Found").asText())
                .isEqualTo("Metric " + id + " does not exist");
        assertError(user.delete("/v1/metric/" + id), 404, "Not Found");
        assertThat(assertError(user.get("/v1/metric/foobar"), 404, "Not Found").asText())
                .isEqualTo("Metric foobar does not exist");
    }

    @Test
    void withoutPolicyOrMatchingRuleIs400() {
        assertThat(assertError(user.post("/v1/metric", "{\"name\": \"volume.io.rate\"}"), 400, "Bad Request").asText())
                .isEqualTo("No archive policy name specified and no archive policy rule found matching the metric "
                        + "name volume.io.rate");
        assertThat(assertError(user.post("/v1/metric", "{\"archive_policy_name\": \"bad-cookie\"}"), 400,
                "Bad Request").asText()).isEqualTo("Archive policy bad-cookie does not exist");
        assertThat(assertError(user.post("/v1/metric", "{\"name\": \"disk/io\", \"archive_policy_name\": \"cookies\"}"),
                400, "Bad Request").asText()).isEqualTo("'/' is not supported in metric name");
    }

    @Test
    void measuresAreAcceptedThenReadAfterARefresh() {
        String id = createMetric(user, "{\"archive_policy_name\": \"cookies\"}");
        Http.Reply accepted = user.post("/v1/metric/" + id + "/measures",
                "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": 43.1},"
                        + " {\"timestamp\": \"2015-03-06T14:34:12\", \"value\": 12}]");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body()).isEmpty();

        JsonNode rows = user.get("/v1/metric/" + id + "/measures?refresh=true&granularity=1").json();
        assertThat(rows.toString()).isEqualTo(
                "[[\"2015-03-06T14:33:57+00:00\",1.0,43.1],[\"2015-03-06T14:34:12+00:00\",1.0,12.0]]");

        JsonNode all = user.get("/v1/metric/" + id + "/measures").json();
        assertThat(all.get(0).get(1).asDouble()).isEqualTo(60.0);
        assertThat(all.get(0).get(0).asText()).isEqualTo("2015-03-06T14:33:00+00:00");
        assertThat(all.get(0).get(2).asDouble()).isEqualTo(43.1);
        assertThat(all.size()).isEqualTo(4);

        JsonNode fromStart = user.get("/v1/metric/" + id + "/measures?start=2015-03-06T14:34&granularity=1").json();
        assertThat(fromStart.toString()).isEqualTo("[[\"2015-03-06T14:34:12+00:00\",1.0,12.0]]");

        JsonNode resampled = user.get("/v1/metric/" + id + "/measures?resample=60&granularity=1&aggregation=max").json();
        assertThat(resampled.toString()).isEqualTo(
                "[[\"2015-03-06T14:33:00+00:00\",60.0,43.1],[\"2015-03-06T14:34:00+00:00\",60.0,12.0]]");
    }

    @Test
    void measureReadsCheckAggregationAndGranularity() {
        String id = createMetric(user, "{\"archive_policy_name\": \"cookies\"}");
        JsonNode d = assertError(user.get("/v1/metric/" + id + "/measures?aggregation=wtf"), 404, "Not Found");
        assertThat(d.path("cause").asText()).isEqualTo("Aggregation method does not exist for this metric");
        assertThat(d.at("/detail/metric").asText()).isEqualTo(id);
        assertThat(assertError(user.get("/v1/metric/" + id + "/measures?granularity=42"), 404, "Not Found").asText())
                .isEqualTo("Aggregation method 'mean' at granularity '42.0' for metric " + id + " does not exist");
        JsonNode g = assertError(user.get("/v1/metric/" + id + "/measures?granularity=foobar"), 400, "Bad Request");
        assertThat(g.path("cause").asText()).isEqualTo("Argument value error");
        assertThat(g.path("detail").asText()).isEqualTo("granularity");
        assertThat(assertError(user.get("/v1/metric/" + id + "/measures?resample=60"), 400, "Bad Request").asText())
                .isEqualTo("A granularity must be specified to resample");
        assertError(user.get("/v1/metric/" + id + "/measures?refresh=maybe"), 400, "Bad Request");
        assertThat(user.get("/v1/metric/" + id + "/measures?refresh=True&whatever=1").status()).isEqualTo(200);
    }

    @Test
    void batchMeasuresGoToEveryMetric() {
        String a = createMetric(user, "{\"archive_policy_name\": \"cookies\"}");
        String b = createMetric(user, "{\"archive_policy_name\": \"cookies\"}");
        Http.Reply r = user.post("/v1/batch/metrics/measures", "{\"" + a + "\": [{\"timestamp\": \"2014-10-06T14:34:12\","
                + " \"value\": 12}], \"" + b + "\": [{\"timestamp\": \"2014-10-06T14:34:14\", \"value\": 14}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(user.get("/v1/metric/" + a + "/measures?refresh=true&granularity=1").json().toString())
                .isEqualTo("[[\"2014-10-06T14:34:12+00:00\",1.0,12.0]]");
        assertThat(user.get("/v1/metric/" + b + "/measures?refresh=true&granularity=1").json().toString())
                .isEqualTo("[[\"2014-10-06T14:34:14+00:00\",1.0,14.0]]");
        String unknown = "cee6ef1f-52cc-4a16-bbb5-648aedfd1c37";
        assertThat(assertError(user.post("/v1/batch/metrics/measures", "{\"" + unknown + "\": []}"), 400,
                "Bad Request").asText()).isEqualTo("Unknown metrics: " + unknown);
    }

    @Test
    void searchFiltersPointsByValue() {
        String id = createMetric(user, "{\"archive_policy_name\": \"cookies\"}");
        user.post("/v1/metric/" + id + "/measures", "[{\"timestamp\": \"2014-10-06T14:34:12\", \"value\": 12},"
                + " {\"timestamp\": \"2014-10-06T14:34:14\", \"value\": 20}]");
        user.get("/v1/metric/" + id + "/measures?refresh=true");
        Http.Reply found = user.post("/v1/search/metric?metric_id=" + id + "&granularity=1s", "{\"=\": 12}");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path(id).toString()).isEqualTo("[[\"2014-10-06T14:34:12+00:00\",1.0,12.0]]");
        JsonNode d = assertError(user.post("/v1/search/metric?metric_id=" + id + "&granularity=300", "{\"=\": 12}"),
                400, "Bad Request");
        assertThat(d.path("cause").asText()).isEqualTo("Aggregation does not exist");
        assertThat(d.at("/detail/granularity").asDouble()).isEqualTo(300.0);
        assertThat(assertError(user.post("/v1/search/metric?metric_id=" + id + "&start=foobar", "{\"=\": 12}"), 400,
                "Bad Request").asText()).isEqualTo("Invalid value for start");
    }

    @Test
    void aggregationAcrossMetrics() {
        String a = createMetric(user, "{\"archive_policy_name\": \"cookies\"}");
        String b = createMetric(user, "{\"archive_policy_name\": \"cookies\"}");
        user.post("/v1/metric/" + a + "/measures", "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": 43.1}]");
        user.post("/v1/metric/" + b + "/measures", "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": 3.1}]");
        Http.Reply got = user.get("/v1/aggregation/metric?metric=" + a + "&metric=" + b + "&granularity=1&refresh=true");
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().toString()).isEqualTo("[[\"2015-03-06T14:33:57+00:00\",1.0,23.1]]");
        Http.Reply posted = user.post("/v1/aggregation/metric?granularity=1&aggregation=mean&reaggregation=max",
                "[\"" + a + "\", \"" + b + "\"]");
        assertThat(posted.json().toString()).isEqualTo("[[\"2015-03-06T14:33:57+00:00\",1.0,43.1]]");
        assertError(user.get("/v1/aggregation/metric?metric=foobar"), 400, "Bad Request");
        assertThat(assertError(user.get("/v1/aggregation/metric?metric=cee6ef1f-52cc-4a16-bbb5-648aedfd1c37"), 404,
                "Not Found").asText()).isEqualTo("Metric cee6ef1f-52cc-4a16-bbb5-648aedfd1c37 does not exist");
    }

    @Test
    void listingFiltersSortsAndPagesWithALinkHeader() {
        String tag = "list" + System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(createMetric(user, "{\"archive_policy_name\": \"cookies\", \"name\": \"" + tag + "\", \"unit\": \"u"
                    + i + "\"}"));
        }
        Http.Reply first = admin.get("/v1/metric?name=" + tag + "&sort=unit:desc&limit=3");
        assertThat(first.json().size()).isEqualTo(3);
        assertThat(first.json().get(0).path("unit").asText()).isEqualTo("u6");
        assertThat(first.json().get(0).at("/archive_policy/name").asText()).isEqualTo("cookies");
        String last = first.json().get(2).path("id").asText();
        assertThat(first.header("Link")).isEqualTo("<" + PolentaServer.baseUrl(APP) + "/v1/metric?limit=3&marker="
                + last + "&name=" + tag + "&sort=unit%3Adesc>; rel=\"next\"");

        Http.Reply second = admin.get("/v1/metric?name=" + tag + "&sort=unit:desc&limit=3&marker=" + last);
        assertThat(second.json().get(0).path("unit").asText()).isEqualTo("u3");

        Http.Reply capped = admin.get("/v1/metric?name=" + tag);
        assertThat(capped.json().size()).isEqualTo(5);
        assertThat(capped.header("Link")).contains("sort=id%3Aasc").contains("limit=5");

        Http.Reply lastPage = admin.get("/v1/metric?name=" + tag + "&sort=unit:desc&limit=3&marker="
                + second.json().get(2).path("id").asText());
        assertThat(lastPage.json().size()).isEqualTo(1);
        assertThat(lastPage.header("Link")).isNull();

        assertThat(admin.get("/v1/metric?name=" + tag + "&unit=u4").json().get(0).path("id").asText())
                .isEqualTo(ids.get(4));
        assertThat(admin.get("/v1/metric?creator=nobody&name=" + tag).json().size()).isZero();
        assertThat(assertError(admin.get("/v1/metric?sort=nonexistent_key:asc"), 400, "Bad Request").asText())
                .contains("Sort key supplied is invalid: nonexistent_key");
        assertError(admin.get("/v1/metric?marker=cee6ef1f-52cc-4a16-bbb5-648aedfd1c37"), 400, "Bad Request");
    }

    @Test
    void statusIsForAdminsAndShowsTheBacklog() {
        assertError(user.get("/v1/status"), 403, "Forbidden");
        JsonNode status = admin.get("/v1/status").json();
        assertThat(status.at("/storage/summary").has("metrics")).isTrue();
        assertThat(status.at("/storage/summary").has("measures")).isTrue();
        assertThat(status.path("storage").has("measures_to_process")).isTrue();
        assertThat(status.at("/metricd/processors").size()).isEqualTo(1);
        JsonNode brief = admin.get("/v1/status?details=False").json();
        assertThat(brief.path("storage").has("measures_to_process")).isFalse();
    }

    @Test
    void versionsAndIndexAndCapabilities() {
        Http anonymous = new Http(PolentaServer.baseUrl(APP));
        JsonNode root = anonymous.get("/").json();
        assertThat(root.path("build").asText()).isEqualTo("4.4.2");
        assertThat(root.at("/versions/0/links/0/href").asText()).isEqualTo(PolentaServer.baseUrl(APP) + "/v1/");
        JsonNode proxied = anonymous.with("Forwarded", "for=192.0.2.60;proto=https;host=foobar").get("/").json();
        assertThat(proxied.at("/versions/0/links/0/href").asText()).isEqualTo("https://foobar/v1/");
        assertThat(anonymous.get("/v1").json().path("version").asText()).isEqualTo("1.0");
        assertThat(anonymous.get("/v1/capabilities").json().path("aggregation_methods").size()).isEqualTo(216);
        assertThat(anonymous.get("/healthcheck").status()).isEqualTo(200);
        assertThat(anonymous.get("//v1//capabilities/").status()).isEqualTo(200);
    }

    @Test
    void corsFollowsTheAllowedOrigins() {
        Http anonymous = new Http(PolentaServer.baseUrl(APP));
        Http.Reply allowed = anonymous.with("Origin", "http://allowed.example")
                .with("Access-Control-Request-Method", "GET").send("OPTIONS", "/v1/status", null, null);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://allowed.example");
        assertThat(allowed.header("Access-Control-Allow-Methods")).isEqualTo("GET");
        Http.Reply other = anonymous.with("Origin", "http://other.example")
                .with("Access-Control-Request-Method", "GET").send("OPTIONS", "/v1/status", null, null);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        Http.Reply simple = anonymous.with("Origin", "http://allowed.example").get("/v1/capabilities");
        assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo("http://allowed.example");
    }
}

package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.service.it.GnocchiErrors.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

/** POST /v1/batch/resources/metrics/measures, as Ceilometer's publisher uses it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ResourceBatchMeasuresIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(ResourceBatchMeasuresIT.class);

    private static final String MEASURES = "[{\"timestamp\": \"2015-03-06T14:33:57\", \"value\": 43.1},"
            + " {\"timestamp\": \"2015-03-06T14:34:12\", \"value\": 12}]";

    @Test
    void createsMissingMetricsAndStoresTheirMeasures() {
        Http admin = new Http(PolentaServer.baseUrl(APP)).as("admin");
        Http user = new Http(PolentaServer.baseUrl(APP)).as("foobar");
        admin.post("/v1/archive_policy", "{\"name\": \"simple\", \"definition\": [{\"granularity\": 1}]}");
        admin.post("/v1/archive_policy_rule", "{\"name\": \"all\", \"metric_pattern\": \"*\", \"archive_policy_name\": \"simple\"}");
        assertThat(user.post("/v1/resource/generic", "{\"id\": \"host-1\"}").status()).isEqualTo(201);

        Http.Reply unknownMetric = user.post("/v1/batch/resources/metrics/measures", "{\"host-1\": {\"cpu\": " + MEASURES + "}}");
        assertThat(assertError(unknownMetric, 400, "Bad Request").asText()).startsWith("Unknown metrics: ");

        Http.Reply accepted = user.post("/v1/batch/resources/metrics/measures?create_metrics=True",
                "{\"host-1\": {\"cpu\": " + MEASURES + ", \"mem\": {\"unit\": \"B\", \"measures\": " + MEASURES + "}}}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode metrics = user.get("/v1/resource/generic/host-1").json().path("metrics");
        assertThat(metrics.has("cpu")).isTrue();
        assertThat(metrics.has("mem")).isTrue();
        JsonNode points = user.get("/v1/resource/generic/host-1/metric/cpu/measures?refresh=true").json();
        assertThat(points.size()).isEqualTo(2);
        assertThat(points.get(0).get(2).asDouble()).isEqualTo(43.1);

        Http.Reply unknownResource = user.post("/v1/batch/resources/metrics/measures?create_metrics=true",
                "{\"nope\": {\"cpu\": " + MEASURES + "}}");
        JsonNode description = assertError(unknownResource, 400, "Bad Request");
        assertThat(description.path("cause").asText()).isEqualTo("Unknown resources");
        assertThat(description.path("detail").get(0).path("original_resource_id").asText()).isEqualTo("nope");
        assertError(user.post("/v1/batch/resources/metrics/measures?create_metrics=maybe", "{}"), 400, "Bad Request");
        assertError(user.post("/v1/batch/resources/metrics/measures", "{\"host-1\": {\"cpu\": [[1, 2]]}}"), 400,
                "Bad Request");
    }
}

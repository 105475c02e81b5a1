package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

/** The processors inside the service aggregate new measures without refresh, and count late ones. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BackgroundProcessingIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(BackgroundProcessingIT.class);

    private static JsonNode pollUntilNotEmpty(Http http, String path) throws InterruptedException {
        // A bound for liveness, not a latency target (that is the benchmark's job): a loaded machine is slow.
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode rows = http.get(path).json();
        while (rows.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            rows = http.get(path).json();
        }
        return rows;
    }

    @Test
    void measuresAreProcessedWithoutRefresh() throws InterruptedException {
        Http http = new Http(PolentaServer.baseUrl(APP));
        Http admin = http.as("admin");
        Http user = http.as("foobar");
        admin.post("/v1/archive_policy", "{\"name\": \"bw\", \"back_window\": 0, "
                + "\"definition\": [{\"granularity\": 60, \"points\": 100}]}");
        String id = user.post("/v1/metric", "{\"archive_policy_name\": \"bw\"}").json().path("id").asText();

        assertThat(user.post("/v1/metric/" + id + "/measures",
                "[{\"timestamp\": \"2015-03-06T14:33:10\", \"value\": 1}, {\"timestamp\": \"2015-03-06T14:34:10\", "
                        + "\"value\": 3}]").status()).isEqualTo(202);
        JsonNode rows = pollUntilNotEmpty(user, "/v1/metric/" + id + "/measures");
        assertThat(rows.toString()).isEqualTo(
                "[[\"2015-03-06T14:33:00+00:00\",60.0,1.0],[\"2015-03-06T14:34:00+00:00\",60.0,3.0]]");

        // Older than the newest processed point's bucket with back_window 0: dropped, and counted.
        user.post("/v1/metric/" + id + "/measures", "[{\"timestamp\": \"2015-03-06T14:20:00\", \"value\": 7}]");
        long deadline = System.currentTimeMillis() + 15_000;
        JsonNode status = admin.get("/v1/status").json();
        while (status.at("/storage/measures_to_process").has(id) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            status = admin.get("/v1/status").json();
        }
        String processor = status.at("/metricd/processors/0").asText();
        JsonNode stats = status.at("/metricd/statistics").path(processor);
        assertThat(stats.path("late_measures_dropped").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.path("measures_processed").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(user.get("/v1/metric/" + id + "/measures").json().size()).isEqualTo(2);
    }
}

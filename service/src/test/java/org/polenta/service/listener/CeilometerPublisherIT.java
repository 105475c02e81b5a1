package org.polenta.service.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaApplication;
import org.polenta.service.PolentaConfiguration;
import org.polenta.service.it.Http;
import org.polenta.service.it.PolentaServer;

/**
 * Samples published by Ceilometer's own notifier:// publisher (SampleNotifierPublisher over oslo.messaging, from
 * Debian's python3-ceilometer, run by /usr/bin/python3) reach the REST API, in the scale-out layout: a
 * listener-only process (api.enabled false) files them, and a second process, API only, on the same keyspace,
 * answers. Exchange and topic names are this run's own, so concurrent runs never share a queue.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CeilometerPublisherIT {

    private static final LocalRabbit RABBIT = new LocalRabbit();
    private static final String KEYSPACE = PolentaServer.keyspaceFor(CeilometerPublisherIT.class);
    private static final String TOPIC = RABBIT.prefix + "metering";
    private static final String SECRET = "it-telemetry-secret";
    private static final String INSTANCE = "5f0c8a52-3b1d-4c6e-9a7f-0d2e4b6c8a10";

    // Overrides are system properties: each app gets a prefix of its own, or one's would reach the other.
    private static final String LISTENER_PREFIX = "dwlistener.";
    private static final String API_PREFIX = "dwapi.";

    /** Listener-only: no API, its processors aggregate what it files. */
    static final DropwizardAppExtension<PolentaConfiguration> LISTENER = new DropwizardAppExtension<>(
            PolentaApplication.class, ResourceHelpers.resourceFilePath("it-listener.yaml"), LISTENER_PREFIX,
            listenerOverrides());

    /** API only: the listener off, as a scaled-out deployment's API nodes could run. */
    static final DropwizardAppExtension<PolentaConfiguration> API = new DropwizardAppExtension<>(
            PolentaApplication.class, ResourceHelpers.resourceFilePath("it-listener.yaml"), API_PREFIX,
            common(API_PREFIX, ConfigOverride.config(API_PREFIX, "listener.enabled", "false"))
                    .toArray(new ConfigOverride[0]));

    private static List<ConfigOverride> common(String prefix, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config(prefix, "cassandra.contactPoints[0]", PolentaServer.cassandraContact()),
                ConfigOverride.config(prefix, "cassandra.keyspace", KEYSPACE),
                ConfigOverride.config(prefix, "auth.policyFile",
                        Path.of("..", "config", "policy.yaml").toAbsolutePath().normalize().toString()),
                ConfigOverride.config(prefix, "listener.mappingFile",
                        Path.of("..", "config", "ceilometer-resources.yaml").toAbsolutePath().normalize().toString())));
        overrides.addAll(List.of(extra));
        return overrides;
    }

    private static ConfigOverride[] listenerOverrides() {
        String p = LISTENER_PREFIX;
        return common(p,
                ConfigOverride.config(p, "api.enabled", "false"),
                ConfigOverride.config(p, "listener.telemetrySecret", SECRET),
                ConfigOverride.config(p, "listener.deadLetterExchange", RABBIT.deadLetter),
                ConfigOverride.config(p, "listener.deadLetterQueue", RABBIT.deadLetter),
                // The queue SampleNotifierPublisher's topic feeds: <topic>.sample on the control exchange.
                ConfigOverride.config(p, "listener.sources[0].queue", RABBIT.meteringQueue),
                ConfigOverride.config(p, "listener.sources[0].routingKey", TOPIC + ".sample"),
                ConfigOverride.config(p, "listener.sources[0].exchanges[0]", RABBIT.samplesExchange),
                ConfigOverride.config(p, "listener.sources[1].queue", RABBIT.lifecycleQueue),
                ConfigOverride.config(p, "listener.sources[1].routingKey", "notifications.info"),
                ConfigOverride.config(p, "listener.sources[1].exchanges[0]", RABBIT.lifecycleExchange),
                ConfigOverride.config(p, "listener.sources[2].queue", RABBIT.pollingQueue),
                ConfigOverride.config(p, "listener.sources[2].routingKey", "notifications.sample"),
                ConfigOverride.config(p, "listener.sources[2].exchanges[0]", RABBIT.samplesExchange))
                .toArray(new ConfigOverride[0]);
    }

    @AfterAll
    static void deleteQueues() throws Exception {
        RABBIT.close();
    }

    private static Http api() {
        return new Http(PolentaServer.baseUrl(API)).as("admin");
    }

    /** Runs publish_samples.py with Ceilometer's publisher; the listener's queue must exist first. */
    private static void publishWithCeilometer(String samplesJson) throws Exception {
        LocalRabbit.await("the listener's queue", Duration.ofSeconds(120), () -> {
            try (var connection = LocalRabbit.connect(); var channel = connection.createChannel()) {
                channel.queueDeclarePassive(RABBIT.meteringQueue);
                return true;
            } catch (Exception notYet) {
                return false;
            }
        });
        Path script = Path.of(ResourceHelpers.resourceFilePath("ceilometer/publish_samples.py"));
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(),
                "rabbit://guest:guest@127.0.0.1:5672/", RABBIT.samplesExchange, TOPIC, SECRET)
                .redirectErrorStream(true).start();
        process.getOutputStream().write(samplesJson.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("publish_samples.py did not finish: " + output);
        }
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static String sample(String name, String type, String unit, double volume, String timestamp) {
        return """
                {"name": "%s", "type": "%s", "unit": "%s", "volume": %s, "user_id": "it-user",
                 "project_id": "it-project", "resource_id": "%s", "timestamp": "%s",
                 "resource_metadata": {"host": "compute-7", "display_name": "it-vm", "image_ref": "it-image",
                                       "flavor": {"id": "it-flavor", "name": "m1.tiny"}}}
                """.formatted(name, type, unit, volume, INSTANCE, timestamp);
    }

    @Test
    void samplesFromCeilometersNotifierPublisherAreServedByTheApi() throws Exception {
        publishWithCeilometer("[" + String.join(",",
                sample("memory", "gauge", "MB", 512, "2024-03-01T00:00:10+00:00"),
                sample("memory", "gauge", "MB", 1024, "2024-03-01T00:01:00+00:00"),
                sample("memory", "gauge", "MB", 2048, "2024-03-01T00:06:00+00:00"),
                sample("vcpus", "gauge", "vcpu", 2, "2024-03-01T00:00:10+00:00")) + "]");

        LocalRabbit.await("the instance", Duration.ofSeconds(90),
                () -> api().get("/v1/resource/instance/" + INSTANCE).status() == 200);
        JsonNode instance = api().get("/v1/resource/instance/" + INSTANCE).json();
        assertThat(instance.path("project_id").asText()).isEqualTo("it-project");
        assertThat(instance.path("user_id").asText()).isEqualTo("it-user");
        assertThat(instance.path("host").asText()).isEqualTo("compute-7");
        assertThat(instance.path("display_name").asText()).isEqualTo("it-vm");
        assertThat(instance.path("flavor_id").asText()).isEqualTo("it-flavor");
        assertThat(instance.path("flavor_name").asText()).isEqualTo("m1.tiny");

        LocalRabbit.await("both metrics", Duration.ofSeconds(60), () -> api()
                .get("/v1/resource/instance/" + INSTANCE).json().path("metrics").size() == 2);
        JsonNode metric = api().get("/v1/resource/instance/" + INSTANCE + "/metric/memory").json();
        assertThat(metric.path("unit").asText()).isEqualTo("MB");
        assertThat(metric.path("archive_policy").path("name").asText()).isEqualTo("ceilometer-low");

        // The listener-only process's processors aggregate; the API process reads what they stored.
        String memory = "/v1/resource/instance/" + INSTANCE + "/metric/memory/measures";
        LocalRabbit.await("memory's aggregates", Duration.ofSeconds(60),
                () -> api().get(memory).json().size() == 2);
        assertThat(api().get(memory).json().toString()).isEqualTo(
                "[[\"2024-03-01T00:00:00+00:00\",300.0,768.0],[\"2024-03-01T00:05:00+00:00\",300.0,2048.0]]");
        LocalRabbit.await("vcpus' aggregates", Duration.ofSeconds(60), () -> api()
                .get("/v1/resource/instance/" + INSTANCE + "/metric/vcpus/measures").json().size() == 1);
        assertThat(api().get("/v1/resource/instance/" + INSTANCE + "/metric/vcpus/measures").json().toString())
                .isEqualTo("[[\"2024-03-01T00:00:00+00:00\",300.0,2.0]]");
    }

    @Test
    void theListenerOnlyProcessServesNoApi() {
        Http listener = new Http(PolentaServer.baseUrl(LISTENER)).as("admin");
        assertThat(listener.get("/healthcheck").status()).isIn(200, 204);
        assertThat(listener.get("/v1/resource/generic").status()).isEqualTo(404);
        assertThat(listener.get("/v1/metric").status()).isEqualTo(404);
    }
}

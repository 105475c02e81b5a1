package org.polenta.service.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaApplication;
import org.polenta.service.PolentaConfiguration;
import org.polenta.service.it.Http;
import org.polenta.service.it.PolentaServer;

/**
 * The service with its notification listener on, against the real RabbitMQ and Cassandra: captured Ceilometer
 * messages go in on the bus, and what Gnocchi's API would show after Ceilometer's gnocchi publisher comes out
 * of the REST API.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ListenerServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final LocalRabbit RABBIT = new LocalRabbit();

    static final DropwizardAppExtension<PolentaConfiguration> APP = new DropwizardAppExtension<>(
            PolentaApplication.class, ResourceHelpers.resourceFilePath("it-listener.yaml"),
            overrides().toArray(new ConfigOverride[0]));

    private static List<ConfigOverride> overrides() {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("cassandra.contactPoints[0]", PolentaServer.cassandraContact()),
                ConfigOverride.config("cassandra.keyspace", PolentaServer.keyspaceFor(ListenerServiceIT.class)),
                ConfigOverride.config("auth.policyFile",
                        Path.of("..", "config", "policy.yaml").toAbsolutePath().normalize().toString()),
                ConfigOverride.config("listener.mappingFile",
                        Path.of("..", "config", "ceilometer-resources.yaml").toAbsolutePath().normalize().toString()),
                ConfigOverride.config("listener.deadLetterExchange", RABBIT.deadLetter),
                ConfigOverride.config("listener.deadLetterQueue", RABBIT.deadLetter)));
        String[][] sources = {
                {RABBIT.meteringQueue, "metering.sample", RABBIT.samplesExchange},
                {RABBIT.pollingQueue, "notifications.sample", RABBIT.samplesExchange},
                {RABBIT.lifecycleQueue, "notifications.info", RABBIT.lifecycleExchange}};
        for (int i = 0; i < sources.length; i++) {
            overrides.add(ConfigOverride.config("listener.sources[" + i + "].queue", sources[i][0]));
            overrides.add(ConfigOverride.config("listener.sources[" + i + "].routingKey", sources[i][1]));
            overrides.add(ConfigOverride.config("listener.sources[" + i + "].exchanges[0]", sources[i][2]));
        }
        return overrides;
    }

    /** The listener starts in the background (after installing types and policies): wait for its queues. */
    @BeforeEach
    void awaitListening() throws InterruptedException {
        LocalRabbit.await("the listener's queues", Duration.ofSeconds(120), () -> {
            try (Connection connection = LocalRabbit.connect()) {
                for (String queue : List.of(RABBIT.meteringQueue, RABBIT.pollingQueue, RABBIT.lifecycleQueue)) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDeclarePassive(queue);
                    }
                }
                return true;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void deleteQueues() throws Exception {
        RABBIT.close();
    }

    private static Http admin() {
        return new Http(PolentaServer.baseUrl(APP)).as("admin");
    }

    private static long counter(String name) {
        JsonNode metrics = new Http("http://127.0.0.1:" + APP.getAdminPort()).get("/admin/metrics").json();
        return metrics.path("counters").path("polenta.listener." + name).path("count").asLong();
    }

    private static void publish(String exchange, String routingKey, byte[] body) throws Exception {
        try (Connection connection = LocalRabbit.connect(); Channel channel = connection.createChannel()) {
            LocalRabbit.publish(channel, exchange, routingKey, body);
        }
    }

    private static JsonNode awaitResource(String type, String id) throws InterruptedException {
        LocalRabbit.await("resource " + id, Duration.ofSeconds(60),
                () -> admin().get("/v1/resource/" + type + "/" + id).status() == 200);
        return admin().get("/v1/resource/" + type + "/" + id).json();
    }

    @Test
    void onStartTheCeilometerArchivePoliciesAndResourceTypesExist() throws InterruptedException {
        // Installed in the background, before the listener consumes anything.
        LocalRabbit.await("the installation", Duration.ofSeconds(60),
                () -> admin().get("/v1/resource_type/host_network_interface").status() == 200);
        JsonNode policy = admin().get("/v1/archive_policy/ceilometer-low-rate").json();
        assertThat(policy.path("aggregation_methods").toString()).contains("rate:mean").contains("mean");
        assertThat(policy.at("/definition/0/granularity").asText()).isEqualTo("0:05:00");
        assertThat(admin().get("/v1/archive_policy/ceilometer-high").status()).isEqualTo(200);
        JsonNode instance = admin().get("/v1/resource_type/instance").json();
        assertThat(instance.path("attributes").path("flavor_name").path("required").asBoolean()).isTrue();
        assertThat(admin().get("/v1/resource_type/instance_disk").status()).isEqualTo(200);
    }

    @Test
    void capturedSamplesBecomeResourcesMetricsAndMeasuresAsTheGnocchiPublisherMakesThem() throws Exception {
        publish(RABBIT.samplesExchange, "metering.sample",
                LocalRabbit.captured("real-agent-output.from-nova-notification.metering.sample"));
        JsonNode instance = awaitResource("instance", "1171904d-4437-4e81-b7ba-666ba072614a");
        assertThat(instance.path("project_id").asText()).isEqualTo("669874be7c1d45479a804499b8d7ffd5");
        assertThat(instance.path("creator").asText()).isEqualTo("admin");
        assertThat(instance.path("flavor_name").isTextual()).isTrue();
        assertThat(instance.path("host").isTextual()).isTrue();
        LocalRabbit.await("the four metrics", Duration.ofSeconds(30), () -> admin()
                .get("/v1/resource/instance/1171904d-4437-4e81-b7ba-666ba072614a").json().path("metrics").size() == 4);
        JsonNode metrics = admin().get("/v1/resource/instance/1171904d-4437-4e81-b7ba-666ba072614a").json().path("metrics");
        String memory = metrics.path("memory").asText();
        JsonNode metric = admin().get("/v1/metric/" + memory).json();
        assertThat(metric.path("archive_policy").path("name").asText()).isEqualTo("ceilometer-low");
        assertThat(metric.path("unit").asText()).isEqualTo("MB");
        JsonNode rows = admin().get("/v1/metric/" + memory + "/measures?refresh=true").json();
        assertThat(rows.toString()).isEqualTo("[[\"2024-01-01T00:10:00+00:00\",300.0,512.0]]");
    }

    @Test
    void theSameSamplesFromBothPathsGiveOnePoint() throws Exception {
        publish(RABBIT.samplesExchange, "metering.sample", LocalRabbit.captured("notifier-publisher.metering.sample"));
        publish(RABBIT.samplesExchange, "notifications.sample", LocalRabbit.captured("polling-agent.notifications.sample"));
        JsonNode instance = awaitResource("instance", "4e898369-f47c-4e50-bfe5-c244b962c768");
        String cpu = instance.path("metrics").path("cpu").asText();
        LocalRabbit.await("both messages", Duration.ofSeconds(30), () -> counter("consumed") >= 2);
        JsonNode rows = admin().get("/v1/metric/" + cpu + "/measures?refresh=true").json();
        assertThat(rows.toString()).isEqualTo("[[\"2024-01-01T00:00:00+00:00\",300.0,1.603626144E10]]");
    }

    @Test
    void anInstanceDeleteNotificationEndsTheInstanceAndItsDisk() throws Exception {
        CapturedSamples samples = new CapturedSamples();
        String id = "6b7d3f7e-8d6a-4c55-9d0b-4c7e6a7c1e01";
        Map<String, Object> disk = samples.sample(1, id + "-vda");
        disk.put("counter_name", "disk.device.read.bytes");
        disk.put("counter_unit", "B");
        publish(RABBIT.samplesExchange, "metering.sample", samples.message(List.of(samples.sample(1, id), disk)));
        awaitResource("instance", id);
        awaitResource("instance_disk", id + "-vda");

        @SuppressWarnings("unchecked")
        Map<String, Object> envelope = JSON.readValue(LocalRabbit.captured("nova.compute.instance.create.end"), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = JSON.readValue((String) envelope.get("oslo.message"), Map.class);
        inner.put("event_type", "compute.instance.delete.start");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) inner.get("payload");
        payload.put("instance_id", id);
        byte[] delete = JSON.writeValueAsBytes(Map.of("oslo.version", "2.0", "oslo.message", JSON.writeValueAsString(inner)));
        publish(RABBIT.lifecycleExchange, "notifications.info", delete);

        LocalRabbit.await("ended_at", Duration.ofSeconds(30),
                () -> !admin().get("/v1/resource/instance/" + id).json().path("ended_at").isNull());
        // Its disk ends with it (found by the instance_id attribute, as Ceilometer's event_delete searches).
        LocalRabbit.await("the disk's ended_at", Duration.ofSeconds(30),
                () -> !admin().get("/v1/resource/instance_disk/" + id + "-vda").json().path("ended_at").isNull());
    }

    @Test
    void theCountersAreDropwizardMetrics() throws Exception {
        publish(RABBIT.samplesExchange, "metering.sample", "{\"not\": \"an oslo message\"}".getBytes());
        LocalRabbit.await("dead-lettered", Duration.ofSeconds(30), () -> counter("dead-lettered") >= 1);
        assertThat(counter("consumed")).isGreaterThanOrEqualTo(1);
        JsonNode gauges = new Http("http://127.0.0.1:" + APP.getAdminPort()).get("/admin/metrics").json().path("gauges");
        assertThat(gauges.has("polenta.listener.lag")).isTrue();
        JsonNode health = new Http("http://127.0.0.1:" + APP.getAdminPort()).get("/admin/healthcheck").json();
        assertThat(health.path("listener").path("healthy").asBoolean()).isTrue();
    }
}

package org.polenta.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polenta.listener.amqp.ListenerConfig;
import org.polenta.listener.amqp.QueueSource;

class ListenerSettingsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void withoutSourcesTheListenerReadsOsloMessagingsQueues() throws Exception {
        ListenerConfig config = YAML.readValue("enabled: true\n", ListenerSettings.class).toListenerConfig();
        assertThat(config.sources()).isEqualTo(ListenerConfig.defaultSources());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(5672);
        assertThat(config.username()).isEqualTo("guest");
        assertThat(config.prefetch()).isEqualTo(1000);
        assertThat(config.durable()).isFalse();
    }

    @Test
    void theYamlSettingsReachTheListener() throws Exception {
        ListenerSettings settings = YAML.readValue("""
                host: rabbit.example
                port: 5673
                durable: true
                prefetch: 50
                batchSize: 20
                batchWaitMillis: 5
                telemetrySecret: s3cret
                filterProjectIds: [svc-project]
                sources:
                  - {queue: q1, routingKey: metering.sample, exchanges: [ceilometer, other]}
                """, ListenerSettings.class);
        ListenerConfig config = settings.toListenerConfig();
        assertThat(config.host()).isEqualTo("rabbit.example");
        assertThat(config.port()).isEqualTo(5673);
        assertThat(config.durable()).isTrue();
        assertThat(config.prefetch()).isEqualTo(50);
        assertThat(config.batchSize()).isEqualTo(20);
        assertThat(config.batchWait()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.telemetrySecret()).isEqualTo("s3cret");
        assertThat(config.sources()).containsExactly(QueueSource.of("q1", "metering.sample", "ceilometer", "other"));
        assertThat(settings.filterProjects()).containsExactly("svc-project");
        assertThat(settings.enabled).isFalse();
        assertThat(List.of(settings.creator, settings.mappingFile)).containsExactly("admin", "ceilometer-resources.yaml");
    }
}

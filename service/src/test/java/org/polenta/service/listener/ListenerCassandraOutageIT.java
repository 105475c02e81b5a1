package org.polenta.service.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polenta.core.metric.Metric;
import org.polenta.listener.amqp.NotificationListener;

/**
 * A Cassandra outage in the middle of a stream, on a node of the test's own (the shared test node is never
 * stopped): while the database is down nothing is acknowledged, and once it is back every sample is stored,
 * exactly once. The node is killed outright, so what survives is exactly what the sink had made durable.
 */
class ListenerCassandraOutageIT {

    private final CapturedSamples captured = new CapturedSamples();

    private void publish(LocalRabbit rabbit, List<String> resources, int from, int to) throws Exception {
        try (Connection connection = LocalRabbit.connect(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = from; i < to; i++) {
                for (String resource : resources) {
                    LocalRabbit.publish(channel, rabbit.samplesExchange, "metering.sample",
                            captured.message(List.of(captured.sample(i, resource))));
                }
            }
            channel.waitForConfirmsOrDie(30_000);
        }
    }

    @Test
    void duringACassandraOutageNothingIsAcknowledgedAndAfterItNothingIsLost() throws Exception {
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            resources.add(UUID.randomUUID().toString());
        }
        try (DedicatedCassandra cassandra = new DedicatedCassandra(); LocalRabbit rabbit = new LocalRabbit()) {
            cassandra.start();
            try (ListenerStorage storage = new ListenerStorage(cassandra.contactPoint(), ListenerStorage.keyspace("outage"), 5)) {
                MetricRegistry registry = new MetricRegistry();
                NotificationListener listener = storage.listener(rabbit.config(true), storage.sink(), registry);
                try {
                    listener.start();
                    publish(rabbit, resources, 0, 10);
                    LocalRabbit.await("the first part", Duration.ofSeconds(120), () -> listener.metrics().stored() >= 30);

                    cassandra.kill();
                    publish(rabbit, resources, 10, 20);
                    LocalRabbit.await("failing writes", Duration.ofSeconds(120), () -> listener.metrics().sinkFailures() >= 3);
                    assertThat(listener.metrics().stored()).as("nothing acknowledged while Cassandra is down").isEqualTo(30);

                    cassandra.start();
                    LocalRabbit.await("the second part", Duration.ofSeconds(240), () -> listener.metrics().stored() >= 60);
                } finally {
                    listener.close();
                }
                List<Metric> metrics = storage.metricsOf(resources);
                assertThat(metrics).hasSize(3);
                assertThat(storage.pendingMeasures(metrics)).isEqualTo(60);
                storage.process(metrics);
                for (Metric metric : metrics) {
                    assertThat(storage.storage.rawPoints().read(metric.id(), Long.MIN_VALUE, Long.MAX_VALUE).size())
                            .isEqualTo(20);
                }
            }
        }
    }
}

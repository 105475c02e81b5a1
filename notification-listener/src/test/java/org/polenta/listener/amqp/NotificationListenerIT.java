package org.polenta.listener.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.codahale.metrics.MetricRegistry;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polenta.listener.Fixtures;
import org.polenta.listener.TestMessages;
import org.polenta.listener.mapping.MappedSample;

/** The listener against the real RabbitMQ at 127.0.0.1:5672, fed with captured Ceilometer/oslo.messaging messages. */
class NotificationListenerIT {

    private static final String DEFAULT_SECRET = "change this for valid signing";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final BrokerFixture broker = new BrokerFixture();
    private final RecordingSink sink = new RecordingSink();
    private NotificationListener listener;

    @AfterEach
    void tearDown() throws Exception {
        if (listener != null) {
            listener.close();
        }
        broker.close();
    }

    private NotificationListener start(ListenerConfig config) throws Exception {
        NotificationListener started = new NotificationListener(config, Fixtures.shippedMapping(), sink, new MetricRegistry());
        started.start();
        return started;
    }

    @Test
    void capturedMessagesReachTheSinkAndAreAcknowledged() throws Exception {
        listener = start(broker.config(false).withTelemetrySecret(DEFAULT_SECRET));
        byte[] delete = TestMessages.edited(Fixtures.bus("nova.compute.instance.create.end"),
                m -> m.put("event_type", "compute.instance.delete.start"));
        try (Connection connection = BrokerFixture.connect(); Channel channel = connection.createChannel()) {
            BrokerFixture.publish(channel, broker.samplesExchange, "metering.sample", Fixtures.bus("notifier-publisher.metering.sample"));
            BrokerFixture.publish(channel, broker.samplesExchange, "metering.sample",
                    Fixtures.bus("notifier-publisher.per_meter_topic.metering.cpu"));
            BrokerFixture.publish(channel, broker.samplesExchange, "metering.sample",
                    Fixtures.bus("real-agent-output.from-nova-notification.metering.sample"));
            BrokerFixture.publish(channel, broker.samplesExchange, "notifications.sample", Fixtures.bus("polling-agent.notifications.sample"));
            BrokerFixture.publish(channel, broker.lifecycleExchange, "notifications.info", Fixtures.bus("nova.compute.instance.exists"));
            BrokerFixture.publish(channel, broker.lifecycleExchange, "notifications.info", delete);

            ListenerMetrics metrics = listener.metrics();
            BrokerFixture.await("6 messages acknowledged", WAIT, () -> metrics.consumed() == 6 && metrics.stored() == 10
                    && metrics.ended() == 1 && metrics.ignored() == 2);
            assertThat(sink.samples).hasSize(10);
            assertThat(sink.samples).extracting(MappedSample::metricName)
                    .containsOnly("cpu", "memory", "vcpus", "disk.root.size", "disk.ephemeral.size");
            assertThat(sink.endings).singleElement().satisfies(e -> {
                assertThat(e.resourceType()).isEqualTo("instance");
                assertThat(e.resourceId()).isEqualTo("372567f6-dfe6-4955-b29b-3a2cb29f3a64");
            });
            assertThat(metrics.deadLettered()).isZero();
            assertThat(metrics.lagMillis()).isPositive();

            listener.close();
            listener = null;
            // Closing returns unacknowledged messages to their queues: none may be left.
            for (String queue : List.of(broker.meteringQueue, broker.pollingQueue, broker.lifecycleQueue, broker.deadLetterQueue)) {
                assertThat(BrokerFixture.ready(channel, queue)).as(queue).isZero();
            }
            // Declared as oslo.messaging declares them: a publisher's own declaration is accepted, a durable one is not.
            channel.exchangeDeclare(broker.samplesExchange, BuiltinExchangeType.TOPIC, false, false, Map.of());
            channel.queueDeclare(broker.meteringQueue, false, false, false, Map.of());
        }
        try (Connection connection = BrokerFixture.connect()) {
            Channel channel = connection.createChannel();
            assertThatThrownBy(() -> channel.exchangeDeclare(broker.samplesExchange, BuiltinExchangeType.TOPIC, true, false, Map.of()))
                    .hasStackTraceContaining("PRECONDITION_FAILED");
        }
    }

    @Test
    void poisonGoesToTheDeadLetterQueueWithItsReasonAndDoesNotBlockTheQueue() throws Exception {
        listener = start(broker.config(false).withTelemetrySecret(DEFAULT_SECRET).withBatching(1, 50, 50, Duration.ofMillis(20)));
        byte[] badJson = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"event_type\\\": ".getBytes(StandardCharsets.UTF_8);
        byte[] tampered = TestMessages.editedFirstSample(Fixtures.bus("notifier-publisher.metering.sample"),
                s -> s.put("counter_volume", 7));
        byte[] noTimestamp = TestMessages.edited(Fixtures.bus("polling-agent.notifications.sample"), m -> m.put("timestamp", "soon"));
        try (Connection connection = BrokerFixture.connect(); Channel channel = connection.createChannel()) {
            BrokerFixture.publish(channel, broker.samplesExchange, "metering.sample", badJson);
            BrokerFixture.publish(channel, broker.samplesExchange, "metering.sample", tampered);
            BrokerFixture.publish(channel, broker.samplesExchange, "notifications.sample", noTimestamp);
            BrokerFixture.publish(channel, broker.samplesExchange, "metering.sample", Fixtures.bus("notifier-publisher.metering.sample"));

            BrokerFixture.await("poison dead-lettered and the good message stored", WAIT,
                    () -> listener.metrics().deadLettered() == 3 && sink.samples.size() == 3);
            Map<String, byte[]> dead = new java.util.HashMap<>();
            Map<String, Map<String, Object>> headers = new java.util.HashMap<>();
            GetResponse response;
            while ((response = channel.basicGet(broker.deadLetterQueue, true)) != null) {
                String code = response.getProps().getHeaders().get(DeadLetterPublisher.REASON_CODE).toString();
                dead.put(code, response.getBody());
                headers.put(code, response.getProps().getHeaders());
            }
            assertThat(dead).containsOnlyKeys("bad-json", "bad-signature", "bad-timestamp");
            assertThat(dead.get("bad-json")).isEqualTo(badJson);
            assertThat(dead.get("bad-signature")).isEqualTo(tampered);
            assertThat(headers.get("bad-signature").get(DeadLetterPublisher.REASON).toString())
                    .startsWith("bad-signature: sample #0");
            assertThat(headers.get("bad-timestamp").get(DeadLetterPublisher.ORIGINAL_QUEUE).toString()).isEqualTo(broker.pollingQueue);
            assertThat(headers.get("bad-json").get(DeadLetterPublisher.ORIGINAL_ROUTING_KEY).toString()).isEqualTo("metering.sample");
            listener.close();
            listener = null;
            assertThat(BrokerFixture.ready(channel, broker.meteringQueue)).isZero();
            assertThat(BrokerFixture.ready(channel, broker.pollingQueue)).isZero();
        }
    }

    @Test
    void nothingIsAcknowledgedWhileTheSinkFailsAndAllArrivesOnceItRecovers() throws Exception {
        sink.failing.set(true);
        listener = start(broker.config(false));
        List<String> ids = BrokerFixture.ids(20, "fail-");
        try (Connection connection = BrokerFixture.connect(); Channel channel = connection.createChannel()) {
            publishSamples(channel, ids);
            BrokerFixture.await("the sink to fail repeatedly", WAIT, () -> sink.failures.get() >= 6);
            assertThat(sink.samples).isEmpty();
            assertThat(listener.metrics().stored()).isZero();
            listener.close();
            listener = null;
            assertThat(BrokerFixture.ready(channel, broker.meteringQueue)).as("every message still in the queue").isEqualTo(20);

            // Recovery within a running listener: it keeps retrying, then acknowledges.
            listener = start(broker.config(false));
            BrokerFixture.await("more failures", WAIT, () -> sink.failures.get() >= 10);
            sink.failing.set(false);
            BrokerFixture.await("all samples stored", WAIT, () -> sink.distinctMessageIds() == 20);
            BrokerFixture.await("all acknowledged", WAIT, () -> listener.metrics().stored() >= 20);
            listener.close();
            listener = null;
            assertThat(BrokerFixture.ready(channel, broker.meteringQueue)).isZero();
        }
        assertThat(sink.samples.stream().map(MappedSample::messageId).distinct().toList()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void competingConsumersShareTheQueueAndEachMessageIsStoredOnce() throws Exception {
        RecordingSink otherSink = new RecordingSink();
        listener = start(broker.config(false));
        try (NotificationListener other = new NotificationListener(broker.config(false), Fixtures.shippedMapping(), otherSink,
                new MetricRegistry());
             Connection connection = BrokerFixture.connect(); Channel channel = connection.createChannel()) {
            other.start();
            List<String> ids = BrokerFixture.ids(400, "share-");
            publishSamples(channel, ids);
            BrokerFixture.await("400 samples", WAIT, () -> sink.samples.size() + otherSink.samples.size() == 400);
            Set<String> seen = new HashSet<>();
            sink.samples.forEach(s -> seen.add(s.messageId()));
            otherSink.samples.forEach(s -> seen.add(s.messageId()));
            assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(sink.samples).isNotEmpty();
            assertThat(otherSink.samples).isNotEmpty();
        }
    }

    @Test
    void aBrokerRestartLosesNothing() throws Exception {
        // amqp_durable_queues=True deployments: queued and in-flight messages survive the restart.
        sink.failing.set(true);
        listener = start(broker.config(true));
        List<String> before = BrokerFixture.ids(30, "before-");
        List<String> after = BrokerFixture.ids(30, "after-");
        try (Connection connection = BrokerFixture.connect(); Channel channel = connection.createChannel()) {
            publishSamples(channel, before);
            BrokerFixture.await("deliveries held unacknowledged", WAIT, () -> sink.failures.get() >= 2);
        }
        BrokerFixture.restartBroker();
        sink.failing.set(false);
        try (Connection connection = BrokerFixture.connect(); Channel channel = connection.createChannel()) {
            publishSamples(channel, after);
            BrokerFixture.await("every sample from before and after the restart", Duration.ofSeconds(60),
                    () -> sink.distinctMessageIds() == 60);
            BrokerFixture.await("all acknowledged", WAIT, () -> {
                try {
                    return BrokerFixture.ready(channel, broker.meteringQueue) == 0 && listener.metrics().stored() >= 60;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        }
        Set<String> expected = new HashSet<>(before);
        expected.addAll(after);
        assertThat(sink.samples.stream().map(MappedSample::messageId).distinct().toList()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void withNonDurableQueuesTheListenerRedeclaresThemAfterARestartAndCarriesOn() throws Exception {
        listener = start(broker.config(false));
        try (Connection connection = BrokerFixture.connect(); Channel channel = connection.createChannel()) {
            publishSamples(channel, BrokerFixture.ids(5, "first-"));
            BrokerFixture.await("first samples", WAIT, () -> sink.distinctMessageIds() == 5);
        }
        BrokerFixture.restartBroker();
        try (Connection connection = BrokerFixture.connect(); Channel channel = connection.createChannel()) {
            // The restart removed the non-durable queue; wait for the listener's recovery to declare it again and
            // consume from it. A consumer, not the queue alone: the listener binds the queue after declaring it, and
            // a sample published in between would be routed nowhere and lost to the test.
            BrokerFixture.await("queue redeclared and consumed", Duration.ofSeconds(60), () -> {
                try (Channel probe = connection.createChannel()) {
                    return probe.queueDeclarePassive(broker.meteringQueue).getConsumerCount() > 0;
                } catch (Exception e) {
                    return false;
                }
            });
            publishSamples(channel, BrokerFixture.ids(5, "second-"));
            BrokerFixture.await("samples after the restart", WAIT, () -> sink.distinctMessageIds() == 10);
        }
    }

    /** One notifier-publisher message per id, each holding one unsigned sample with that message_id. */
    private void publishSamples(Channel channel, List<String> ids) throws Exception {
        byte[] template = Fixtures.bus("notifier-publisher.metering.sample");
        for (String id : ids) {
            byte[] body = TestMessages.edited(template, m -> {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> payload = (List<Map<String, Object>>) m.get("payload");
                Map<String, Object> sample = payload.get(0);
                sample.put("message_id", id);
                sample.put("message_signature", "");
                m.put("payload", List.of(sample));
            });
            BrokerFixture.publish(channel, broker.samplesExchange, "metering.sample", body);
        }
    }
}

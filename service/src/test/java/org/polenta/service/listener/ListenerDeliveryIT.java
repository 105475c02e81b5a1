package org.polenta.service.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.metric.Metric;
import org.polenta.listener.amqp.ListenerConfig;
import org.polenta.listener.amqp.NotificationListener;
import org.polenta.listener.mapping.MappedSample;
import org.polenta.listener.mapping.ResourceEnding;
import org.polenta.listener.sink.SampleSink;
import org.polenta.listener.sink.StoreOutcome;
import org.polenta.service.it.PolentaServer;

/**
 * Delivery guarantees of the listener with the real RabbitMQ and the real Cassandra: a listener that dies
 * between writing a batch and acknowledging it leaves nothing behind when the broker hands the messages to the
 * next one, and a broker restart in the middle of a stream loses nothing.
 */
class ListenerDeliveryIT {

    private static ListenerStorage storage;
    private final CapturedSamples captured = new CapturedSamples();
    private LocalRabbit rabbit;
    private final List<NotificationListener> listeners = new ArrayList<>();

    @BeforeAll
    static void openStorage() throws Exception {
        storage = new ListenerStorage(PolentaServer.cassandraContact(), ListenerStorage.keyspace("delivery"), 30);
    }

    @AfterAll
    static void dropStorage() {
        storage.close();
    }

    @BeforeEach
    void broker() {
        rabbit = new LocalRabbit();
    }

    @AfterEach
    void tearDown() throws Exception {
        listeners.forEach(NotificationListener::close);
        rabbit.close();
    }

    /** A sink that stores, lets the test look, then hangs like a process frozen before its acknowledgement. */
    private static final class DyingSink implements SampleSink {
        private final SampleSink delegate;
        private final Runnable afterWrite;
        final CountDownLatch written = new CountDownLatch(1);
        final AtomicInteger samplesWritten = new AtomicInteger();

        DyingSink(SampleSink delegate, Runnable afterWrite) {
            this.delegate = delegate;
            this.afterWrite = afterWrite;
        }

        @Override
        public StoreOutcome store(List<MappedSample> batch) {
            StoreOutcome outcome = delegate.store(batch);
            samplesWritten.addAndGet(outcome.stored());
            afterWrite.run();
            written.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("this listener is dead");
        }

        @Override
        public void end(List<ResourceEnding> endings) {
            delegate.end(endings);
        }
    }

    private NotificationListener start(ListenerConfig config, SampleSink sink, MetricRegistry registry) throws Exception {
        NotificationListener listener = storage.listener(config, sink, registry);
        listeners.add(listener);
        listener.start();
        return listener;
    }

    private List<String> resources(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    /** {@code perResource} cpu samples for each resource, two samples a message, all published now. */
    private int publishStream(List<String> resources, int perResource) throws Exception {
        int samples = 0;
        try (Connection connection = LocalRabbit.connect(); Channel channel = connection.createChannel()) {
            for (int i = 0; i < perResource; i += 2) {
                for (String resource : resources) {
                    List<Map<String, Object>> payload = new ArrayList<>();
                    for (int j = i; j < Math.min(i + 2, perResource); j++) {
                        payload.add(captured.sample(j, resource));
                    }
                    LocalRabbit.publish(channel, rabbit.samplesExchange, "metering.sample", captured.message(payload));
                    samples += payload.size();
                }
            }
        }
        return samples;
    }

    private void redeliveredMessagesChangeNothing(boolean processedBeforeTheCrash) throws Exception {
        List<String> resources = resources(4);
        ListenerConfig config = rabbit.config(false).withBatching(1, 1000, 1000, Duration.ofSeconds(2));
        // Declares the queues, so the messages published next wait for the first listener.
        NotificationListener declaring = start(config, storage.sink(), new MetricRegistry());
        declaring.close();
        int samples = publishStream(resources, 10);

        DyingSink dying = new DyingSink(storage.sink(), () -> {
            if (processedBeforeTheCrash) {
                storage.process(storage.metricsOf(resources));
            }
        });
        NotificationListener first = start(config, dying, new MetricRegistry());
        assertThat(dying.written.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dying.samplesWritten.get()).as("the whole stream in the one batch").isEqualTo(samples);
        List<Metric> metrics = storage.metricsOf(resources);
        assertThat(metrics).hasSize(resources.size());
        Map<String, Object> before = storage.snapshot(resources);
        long pendingBefore = storage.pendingMeasures(metrics);
        assertThat(pendingBefore).isEqualTo(processedBeforeTheCrash ? 0 : samples);

        first.close();
        MetricRegistry registry = new MetricRegistry();
        NotificationListener second = start(config, storage.sink(), registry);
        LocalRabbit.await("the redelivered stream", Duration.ofSeconds(60), () -> second.metrics().stored() >= samples);

        assertThat(second.metrics().stored()).isEqualTo(samples);
        assertThat(storage.metricsOf(resources)).containsExactlyInAnyOrderElementsOf(metrics);
        assertThat(storage.pendingMeasures(metrics)).as("one copy of each point in the backlog").isEqualTo(samples);
        if (processedBeforeTheCrash) {
            storage.process(metrics);
            assertThat(storage.snapshot(resources)).isEqualTo(before);
        } else {
            assertThat(storage.snapshot(resources)).isEqualTo(before);
            storage.process(metrics);
            assertThat(storage.pendingMeasures(metrics)).isZero();
        }
    }

    @Test
    void aListenerDeadBetweenWriteAndAckLeavesNoTraceOnceTheAggregatesWereComputed() throws Exception {
        redeliveredMessagesChangeNothing(true);
    }

    @Test
    void aListenerDeadBetweenWriteAndAckLeavesOneCopyOfEachPointInTheBacklog() throws Exception {
        redeliveredMessagesChangeNothing(false);
    }

    @Test
    void aRabbitMqRestartInTheMiddleOfAStreamLosesNothing() throws Exception {
        List<String> resources = resources(3);
        MetricRegistry registry = new MetricRegistry();
        NotificationListener listener = start(rabbit.config(true), storage.sink(), registry);
        int samples = publishStream(resources, 20);
        LocalRabbit.await("a part of the stream", Duration.ofSeconds(60), () -> listener.metrics().stored() > 0);

        LocalRabbit.restartBroker();
        samples += publishStreamRetrying(resources, 20, 40);

        int expected = samples;
        LocalRabbit.await("every sample after the restart", Duration.ofSeconds(120),
                () -> storage.pendingMeasures(storage.metricsOf(resources)) >= expected);
        assertThat(storage.pendingMeasures(storage.metricsOf(resources))).isEqualTo(expected);
        storage.process(storage.metricsOf(resources));
        for (Metric metric : storage.metricsOf(resources)) {
            assertThat(storage.storage.rawPoints().read(metric.id(), Long.MIN_VALUE, Long.MAX_VALUE).size())
                    .as("raw points of %s", metric.id()).isEqualTo(40);
        }
    }

    /** Samples from..to of each resource, republishing a message whose confirm did not come (broker recovering). */
    private int publishStreamRetrying(List<String> resources, int from, int to) throws Exception {
        int samples = 0;
        for (int i = from; i < to; i++) {
            for (String resource : resources) {
                byte[] message = captured.message(List.of(captured.sample(i, resource)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (true) {
                    try (Connection connection = LocalRabbit.connect(); Channel channel = connection.createChannel()) {
                        channel.confirmSelect();
                        LocalRabbit.publish(channel, rabbit.samplesExchange, "metering.sample", message);
                        channel.waitForConfirmsOrDie(10_000);
                        break;
                    } catch (Exception e) {
                        if (System.nanoTime() > deadline) {
                            throw e;
                        }
                        Thread.sleep(200);
                    }
                }
                samples++;
            }
        }
        return samples;
    }
}

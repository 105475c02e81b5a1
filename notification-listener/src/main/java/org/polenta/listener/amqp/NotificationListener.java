package org.polenta.listener.amqp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.codahale.metrics.MetricRegistry;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import org.polenta.listener.mapping.MeterMapping;
import org.polenta.listener.signature.TelemetrySignature;
import org.polenta.listener.sink.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener: one connection, the oslo.messaging topology, and {@code consumersPerQueue} competing consumers
 * per configured queue. The connection recovers by itself after a broker restart (redeclaring the topology,
 * which a restart removes when the queues are not durable) and the consumers carry on.
 */
public final class NotificationListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);

    private final ListenerConfig config;
    private final MessageHandler handler;
    private final SampleSink sink;
    private final ListenerMetrics metrics;
    private final List<QueueConsumer> consumers = new ArrayList<>();
    private volatile Connection connection;
    private Channel topologyChannel;

    public NotificationListener(ListenerConfig config, MeterMapping mapping, SampleSink sink, MetricRegistry registry) {
        this.config = config;
        this.handler = new MessageHandler(mapping, new TelemetrySignature(config.telemetrySecret()));
        this.sink = sink;
        this.metrics = new ListenerMetrics(registry);
    }

    public ListenerMetrics metrics() {
        return metrics;
    }

    /** Whether it is connected to RabbitMQ now (false before start, after close, and while recovering). */
    public boolean isConnected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    /**
     * Connects (retrying until startupTimeout; zero: one attempt), declares the topology and starts consuming.
     */
    public synchronized void start() throws IOException, InterruptedException {
        connection = connect();
        // Kept open: the client library redeclares a recorded topology on the channel that declared it, which is
        // what brings non-durable queues back after a broker restart.
        topologyChannel = connection.createChannel();
        TopologyDeclarer.declare(topologyChannel, config);
        for (QueueSource source : config.sources()) {
            for (int i = 0; i < config.consumersPerQueue(); i++) {
                consumers.add(new QueueConsumer(source.queue(), connection.createChannel(), config, handler, sink, metrics));
            }
        }
        LOG.info("listening on {} with {} consumer(s) per queue", config.sources().stream().map(QueueSource::queue).toList(),
                config.consumersPerQueue());
    }

    private Connection connect() throws IOException, InterruptedException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setVirtualHost(config.virtualHost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        factory.setRequestedHeartbeat(10);
        long deadline = System.nanoTime() + config.startupTimeout().toNanos();
        Backoff backoff = new Backoff(config.retryInitial(), config.retryMax());
        while (true) {
            try {
                return factory.newConnection("polenta-notification-listener");
            } catch (IOException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("RabbitMQ at " + config.host() + ":" + config.port() + " does not answer", e);
                }
                // Debug only: whoever started the listener says once that RabbitMQ is missing, not every attempt.
                LOG.debug("RabbitMQ at {}:{} not reachable yet: {}", config.host(), config.port(), e.toString());
                Thread.sleep(backoff.next());
            }
        }
    }

    @Override
    public synchronized void close() {
        consumers.forEach(QueueConsumer::close);
        consumers.clear();
        if (topologyChannel != null && topologyChannel.isOpen()) {
            try {
                topologyChannel.close();
            } catch (IOException | TimeoutException | RuntimeException e) {
                LOG.debug("closing topology channel: {}", e.toString());
            }
        }
        topologyChannel = null;
        if (connection != null) {
            try {
                connection.close(5_000);
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing connection: {}", e.toString());
            }
            connection = null;
        }
    }
}

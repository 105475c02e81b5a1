package org.polenta.listener.amqp;

import java.time.Duration;
import java.util.List;

/**
 * Where the listener reads and how. The defaults match an OpenStack deployment with oslo.messaging's defaults.
 *
 * @param sources            queues and their bindings. Defaults: "metering.sample" (notifier:// publisher; the
 *                           queue the publisher itself declares), "notifications.sample" (polling agent) and
 *                           "polenta.lifecycle" bound to nova/cinder/glance/neutron "notifications.info": a queue
 *                           of its own, because sharing ceilometer-agent-notification's notifications.info would
 *                           steal its messages.
 * @param durable            oslo.messaging's amqp_durable_queues: exchanges and queues must be declared exactly as
 *                           the publishers declare them, or one side gets 406 PRECONDITION_FAILED
 * @param consumersPerQueue  competing consumers (one channel each) per queue in this process
 * @param prefetch           unacknowledged messages per consumer
 * @param batchSize          messages per sink call at most
 * @param batchWait          how long a partial batch waits for more messages
 * @param telemetrySecret    Ceilometer's [publisher] telemetry_secret; empty = signatures not checked
 * @param retryInitial       first pause after a failed sink call, doubled up to retryMax
 * @param requeueAfterFailures sink failures in a row after which the batch goes back to the queue (another
 *                           consumer may take it), instead of being retried in place
 */
public record ListenerConfig(
        String host,
        int port,
        String username,
        String password,
        String virtualHost,
        List<QueueSource> sources,
        boolean durable,
        int consumersPerQueue,
        int prefetch,
        int batchSize,
        Duration batchWait,
        String deadLetterExchange,
        String deadLetterQueue,
        String telemetrySecret,
        Duration retryInitial,
        Duration retryMax,
        int requeueAfterFailures,
        Duration startupTimeout) {

    public static List<QueueSource> defaultSources() {
        return List.of(
                QueueSource.of("metering.sample", "metering.sample", "ceilometer"),
                QueueSource.of("notifications.sample", "notifications.sample", "ceilometer"),
                QueueSource.of("polenta.lifecycle", "notifications.info", "nova", "cinder", "glance", "neutron"));
    }

    public static ListenerConfig defaults() {
        return new ListenerConfig("127.0.0.1", 5672, "guest", "guest", "/", defaultSources(), false, 1, 1000, 500,
                Duration.ofMillis(50), "polenta.dead-letter", "polenta.dead-letter", "",
                Duration.ofMillis(100), Duration.ofSeconds(10), 5, Duration.ofSeconds(30));
    }

    public ListenerConfig withSources(List<QueueSource> newSources) {
        return new ListenerConfig(host, port, username, password, virtualHost, newSources, durable, consumersPerQueue,
                prefetch, batchSize, batchWait, deadLetterExchange, deadLetterQueue, telemetrySecret, retryInitial,
                retryMax, requeueAfterFailures, startupTimeout);
    }

    public ListenerConfig withDeadLetter(String exchange, String queue) {
        return new ListenerConfig(host, port, username, password, virtualHost, sources, durable, consumersPerQueue,
                prefetch, batchSize, batchWait, exchange, queue, telemetrySecret, retryInitial, retryMax,
                requeueAfterFailures, startupTimeout);
    }

    public ListenerConfig withDurable(boolean newDurable) {
        return new ListenerConfig(host, port, username, password, virtualHost, sources, newDurable, consumersPerQueue,
                prefetch, batchSize, batchWait, deadLetterExchange, deadLetterQueue, telemetrySecret, retryInitial,
                retryMax, requeueAfterFailures, startupTimeout);
    }

    public ListenerConfig withBatching(int newConsumersPerQueue, int newPrefetch, int newBatchSize, Duration newBatchWait) {
        return new ListenerConfig(host, port, username, password, virtualHost, sources, durable, newConsumersPerQueue,
                newPrefetch, newBatchSize, newBatchWait, deadLetterExchange, deadLetterQueue, telemetrySecret,
                retryInitial, retryMax, requeueAfterFailures, startupTimeout);
    }

    public ListenerConfig withTelemetrySecret(String secret) {
        return new ListenerConfig(host, port, username, password, virtualHost, sources, durable, consumersPerQueue,
                prefetch, batchSize, batchWait, deadLetterExchange, deadLetterQueue, secret, retryInitial, retryMax,
                requeueAfterFailures, startupTimeout);
    }

    public ListenerConfig withRetry(Duration initial, Duration max, int failuresBeforeRequeue) {
        return new ListenerConfig(host, port, username, password, virtualHost, sources, durable, consumersPerQueue,
                prefetch, batchSize, batchWait, deadLetterExchange, deadLetterQueue, telemetrySecret, initial, max,
                failuresBeforeRequeue, startupTimeout);
    }
}

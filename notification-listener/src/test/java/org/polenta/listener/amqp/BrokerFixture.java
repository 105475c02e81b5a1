package org.polenta.listener.amqp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The real RabbitMQ at 127.0.0.1:5672, with exchange and queue names unique to one test so tests never see each
 * other's messages (and never touch a real "ceilometer" exchange). Publishes the way oslo.messaging does.
 */
final class BrokerFixture implements AutoCloseable {

    final String prefix = "g-it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    final String samplesExchange = prefix + "ceilometer";
    final String lifecycleExchange = prefix + "nova";
    final String meteringQueue = prefix + "metering.sample";
    final String pollingQueue = prefix + "notifications.sample";
    final String lifecycleQueue = prefix + "lifecycle";
    final String deadLetterQueue = prefix + "dead-letter";
    private final List<String> queues = List.of(meteringQueue, pollingQueue, lifecycleQueue, deadLetterQueue);
    private final List<String> exchanges = List.of(samplesExchange, lifecycleExchange, deadLetterQueue);

    ListenerConfig config(boolean durable) {
        return ListenerConfig.defaults()
                .withSources(List.of(
                        QueueSource.of(meteringQueue, "metering.sample", samplesExchange),
                        QueueSource.of(pollingQueue, "notifications.sample", samplesExchange),
                        QueueSource.of(lifecycleQueue, "notifications.info", lifecycleExchange)))
                .withDeadLetter(deadLetterQueue, deadLetterQueue)
                .withDurable(durable)
                .withBatching(2, 200, 100, Duration.ofMillis(20))
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(400), 3);
    }

    static Connection connect() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("polenta-listener-it");
    }

    /** oslo.messaging's properties: JSON, UTF-8, persistent, priority 0, empty headers. */
    static void publish(Channel channel, String exchange, String routingKey, byte[] body) throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                .contentEncoding("utf-8").deliveryMode(2).priority(0).headers(Map.of()).build();
        channel.basicPublish(exchange, routingKey, properties, body);
    }

    /** Ready messages in a queue (unacknowledged ones are not counted). */
    static long ready(Channel channel, String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Restarts the broker application (not the Erlang node), as allowed for these tests. */
    static void restartBroker() throws Exception {
        try (Connection probe = connect()) {
            run("rabbitmqctl", "stop_app");
            run("rabbitmqctl", "start_app");
            run("rabbitmqctl", "await_startup");
            if (probe.isOpen()) {
                throw new AssertionError("the broker did not restart: a connection from before is still open");
            }
        } catch (com.rabbitmq.client.AlreadyClosedException expected) {
            // closing the probe after the restart
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws Exception {
        try (Connection connection = connect()) {
            for (String queue : queues) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queue);
                } catch (IOException | RuntimeException ignored) {
                    // absent after a broker restart when not durable
                }
            }
            for (String exchange : exchanges) {
                try (Channel channel = connection.createChannel()) {
                    channel.exchangeDelete(exchange);
                } catch (IOException | RuntimeException ignored) {
                    // idem
                }
            }
        }
    }

    static List<String> ids(int n, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }
}

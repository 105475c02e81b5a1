package org.polenta.service.listener;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.polenta.listener.amqp.ListenerConfig;
import org.polenta.listener.amqp.QueueSource;

/**
 * The real RabbitMQ at 127.0.0.1:5672 (guest/guest), with exchange and queue names unique to one test, so that
 * concurrent test runs never see each other's messages. Publishes as oslo.messaging does.
 */
final class LocalRabbit implements AutoCloseable {

    final String prefix = "polenta-it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    final String samplesExchange = prefix + "ceilometer";
    final String lifecycleExchange = prefix + "nova";
    final String meteringQueue = prefix + "metering.sample";
    final String pollingQueue = prefix + "notifications.sample";
    final String lifecycleQueue = prefix + "lifecycle";
    final String deadLetter = prefix + "dead-letter";

    List<QueueSource> sources() {
        return List.of(
                QueueSource.of(meteringQueue, "metering.sample", samplesExchange),
                QueueSource.of(pollingQueue, "notifications.sample", samplesExchange),
                QueueSource.of(lifecycleQueue, "notifications.info", lifecycleExchange));
    }

    ListenerConfig config(boolean durable) {
        return ListenerConfig.defaults().withSources(sources()).withDeadLetter(deadLetter, deadLetter)
                .withDurable(durable).withBatching(1, 200, 100, Duration.ofMillis(20))
                .withRetry(Duration.ofMillis(100), Duration.ofSeconds(1), 1_000_000);
    }

    static Connection connect() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("polenta-service-it");
    }

    /** oslo.messaging's properties: JSON, UTF-8, persistent. */
    static void publish(Channel channel, String exchange, String routingKey, byte[] body) throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                .contentEncoding("utf-8").deliveryMode(2).priority(0).headers(Map.of()).build();
        channel.basicPublish(exchange, routingKey, properties, body);
    }

    /** A captured bus message (examples/bus, kept with the listener's tests). */
    static byte[] captured(String name) throws IOException {
        return Files.readAllBytes(Path.of("..", "notification-listener", "src", "test", "resources", "bus",
                name + ".body.json"));
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Restarts the broker application (not the Erlang node); what an operator's restart does to clients. */
    static void restartBroker() throws IOException, InterruptedException {
        run("rabbitmqctl", "stop_app");
        run("rabbitmqctl", "start_app");
        run("rabbitmqctl", "await_startup");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws Exception {
        try (Connection connection = connect()) {
            for (String queue : List.of(meteringQueue, pollingQueue, lifecycleQueue, deadLetter)) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queue);
                } catch (IOException | RuntimeException ignored) {
                    // never declared, or gone with a restart
                }
            }
            for (String exchange : List.of(samplesExchange, lifecycleExchange, deadLetter)) {
                try (Channel channel = connection.createChannel()) {
                    channel.exchangeDelete(exchange);
                } catch (IOException | RuntimeException ignored) {
                    // idem
                }
            }
        }
    }
}

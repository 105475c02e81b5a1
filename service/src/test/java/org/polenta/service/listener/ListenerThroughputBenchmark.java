package org.polenta.service.listener;

import com.codahale.metrics.MetricRegistry;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.polenta.listener.amqp.NotificationListener;
import org.polenta.service.it.PolentaServer;

/**
 * A measurement, not a test: samples per second from RabbitMQ through the listener into Cassandra's backlog, in
 * the steady state (resources and metrics known; a first round creates them and is timed apart). Uses the real
 * RabbitMQ and the test Cassandra (-Dpolenta.cassandra.contact, default 127.0.0.1:9142), in a keyspace of its own
 * that it drops at the end.
 *
 * <pre>
 * (cd service && java -cp "target/test-classes:target/classes:../{core,storage-cassandra,notification-listener}/target/classes:$(cat cp.txt)" \
 *   org.polenta.service.listener.ListenerThroughputBenchmark [resources=200] [rounds=50] [samplesPerMessage=10])
 * </pre>
 */
public final class ListenerThroughputBenchmark {

    private ListenerThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int perMessage = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < resources; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        CapturedSamples captured = new CapturedSamples();
        try (LocalRabbit rabbit = new LocalRabbit();
             ListenerStorage storage = new ListenerStorage(PolentaServer.cassandraContact(),
                     ListenerStorage.keyspace("bench"), 30)) {
            NotificationListener listener = storage.listener(
                    rabbit.config(false).withBatching(1, 2000, 500, Duration.ofMillis(50)), storage.sink(),
                    new MetricRegistry());
            listener.start();
            try {
                long firstRound = timed(rabbit, captured, listener, ids, 0, 1, perMessage);
                System.out.printf("first sight of %d resources: %d ms%n", resources, firstRound);
                long steady = timed(rabbit, captured, listener, ids, 1, rounds, perMessage);
                long samples = (long) resources * (rounds - 1);
                System.out.printf("steady state: %d samples in %d ms = %.0f samples/s%n", samples, steady,
                        samples * 1000.0 / steady);
            } finally {
                listener.close();
            }
        }
    }

    /** Publishes rounds [from, to) of one sample per resource, and waits until the listener stored them all. */
    private static long timed(LocalRabbit rabbit, CapturedSamples captured, NotificationListener listener,
                              List<String> ids, int from, int to, int perMessage) throws Exception {
        long target = listener.metrics().stored() + (long) ids.size() * (to - from);
        long start = System.nanoTime();
        try (Connection connection = LocalRabbit.connect(); Channel channel = connection.createChannel()) {
            List<Map<String, Object>> payload = new ArrayList<>();
            for (int round = from; round < to; round++) {
                for (String id : ids) {
                    payload.add(captured.sample(round, id));
                    if (payload.size() == perMessage) {
                        LocalRabbit.publish(channel, rabbit.samplesExchange, "metering.sample", captured.message(payload));
                        payload.clear();
                    }
                }
            }
            if (!payload.isEmpty()) {
                LocalRabbit.publish(channel, rabbit.samplesExchange, "metering.sample", captured.message(payload));
            }
        }
        LocalRabbit.await("stored", Duration.ofMinutes(10), () -> listener.metrics().stored() >= target);
        return (System.nanoTime() - start) / 1_000_000;
    }
}

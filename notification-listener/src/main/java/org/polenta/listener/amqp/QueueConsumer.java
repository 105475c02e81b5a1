package org.polenta.listener.amqp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;

import org.polenta.listener.mapping.MappedSample;
import org.polenta.listener.mapping.ResourceEnding;
import org.polenta.listener.sample.PoisonMessageException;
import org.polenta.listener.sample.PoisonReason;
import org.polenta.listener.sink.SampleSink;
import org.polenta.listener.sink.StoreOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One competing consumer of one queue, on its own channel: deliveries are buffered (at most prefetch of them),
 * a worker thread takes them in batches, dead-letters the poison ones, hands the rest to the sink and
 * acknowledges them only after the sink returned. While the sink fails nothing is acknowledged; the batch is
 * retried with growing pauses and, after a few failures in a row, handed back to the queue.
 *
 * <p>After a broker restart the client library reconnects and re-subscribes; acknowledgements for deliveries of
 * the lost connection are dropped by the library (their messages are redelivered, and the sink is idempotent).
 */
final class QueueConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);

    private record Delivery(Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    }

    private final String queue;
    private final Channel channel;
    private final ListenerConfig config;
    private final MessageHandler handler;
    private final SampleSink sink;
    private final ListenerMetrics metrics;
    private final DeadLetterPublisher deadLetters;
    private final BlockingQueue<Delivery> buffer = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;

    QueueConsumer(String queue, Channel channel, ListenerConfig config, MessageHandler handler, SampleSink sink,
                  ListenerMetrics metrics) throws IOException {
        this.queue = queue;
        this.channel = channel;
        this.config = config;
        this.handler = handler;
        this.sink = sink;
        this.metrics = metrics;
        this.deadLetters = new DeadLetterPublisher(config.deadLetterExchange(), 10_000);
        channel.basicQos(config.prefetch());
        channel.confirmSelect();
        this.worker = new Thread(this::work, "polenta-listener-" + queue);
        this.worker.setDaemon(true);
        this.worker.start();
        channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                buffer.add(new Delivery(envelope, properties, body));
            }

            @Override
            public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
                if (running && !sig.isInitiatedByApplication()) {
                    LOG.warn("consumer of {} lost its channel ({}); waiting for recovery", queue, sig.getMessage());
                }
            }
        });
    }

    private void work() {
        Backoff backoff = new Backoff(config.retryInitial(), config.retryMax());
        while (running) {
            List<Delivery> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (!batch.isEmpty()) {
                try {
                    process(batch, backoff);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private List<Delivery> nextBatch() throws InterruptedException {
        List<Delivery> batch = new ArrayList<>();
        Delivery first = buffer.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + config.batchWait().toNanos();
        while (batch.size() < config.batchSize()) {
            buffer.drainTo(batch, config.batchSize() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= config.batchSize() || left <= 0) {
                break;
            }
            Delivery next = buffer.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void process(List<Delivery> batch, Backoff backoff) throws InterruptedException {
        metrics.consumed(batch.size());
        List<MappedSample> samples = new ArrayList<>();
        List<ResourceEnding> endings = new ArrayList<>();
        long highestGoodTag = -1;
        long newestSentAt = 0;
        int skipped = 0;
        for (Delivery delivery : batch) {
            HandledMessage handled = read(delivery);
            if (handled.isPoison()) {
                deadLetter(delivery, handled, backoff);
                continue;
            }
            highestGoodTag = Math.max(highestGoodTag, delivery.envelope().getDeliveryTag());
            newestSentAt = Math.max(newestSentAt, handled.sentAtNanos());
            samples.addAll(handled.samples());
            endings.addAll(handled.endings());
            skipped += handled.skippedSamples();
            if (handled.ignoredBecause() != null) {
                metrics.countIgnored();
            }
        }
        if (highestGoodTag < 0) {
            return;
        }
        int failures = 0;
        StoreOutcome outcome = new StoreOutcome(0, 0);
        while (running) {
            try {
                if (!samples.isEmpty()) {
                    outcome = sink.store(samples);
                }
                if (!endings.isEmpty()) {
                    sink.end(endings);
                }
                break;
            } catch (RuntimeException e) {
                metrics.sinkFailed();
                failures++;
                LOG.warn("sink failed ({} in a row) for {} samples from {}: {}", failures, samples.size(), queue, e.toString());
                if (failures >= config.requeueAfterFailures()) {
                    requeue(highestGoodTag);
                    Thread.sleep(backoff.next());
                    return;
                }
                Thread.sleep(backoff.next());
            }
        }
        if (!running) {
            return;
        }
        backoff.reset();
        // Every delivery up to the highest good tag is in this batch or an earlier one: one multiple-ack covers them.
        ack(highestGoodTag);
        metrics.stored(outcome.stored());
        metrics.refused(outcome.refused());
        metrics.ended(endings.size());
        metrics.skipped(skipped);
        metrics.acknowledged(newestSentAt);
    }

    /**
     * The handler's verdict on a delivery. An exception out of it is a bug of the reader, not of the message, but
     * it would end this worker thread and leave its unacknowledged messages stuck: the message goes to the
     * dead-letter queue with the error instead, and the queue keeps moving.
     */
    private HandledMessage read(Delivery delivery) {
        try {
            return handler.handle(delivery.body());
        } catch (RuntimeException e) {
            LOG.error("could not read a message from {}", queue, e);
            return HandledMessage.poison(new PoisonMessageException(PoisonReason.BAD_FIELD, "unreadable (" + e + ")"));
        }
    }

    private void deadLetter(Delivery delivery, HandledMessage handled, Backoff backoff) throws InterruptedException {
        while (running) {
            try {
                deadLetters.publish(channel, queue, delivery.envelope(), delivery.properties(), delivery.body(), handled.poison());
                channel.basicAck(delivery.envelope().getDeliveryTag(), false);
                metrics.countDeadLettered();
                LOG.info("dead-lettered a message from {}: {}", queue, handled.poison().describe());
                backoff.reset();
                return;
            } catch (IOException | TimeoutException | ShutdownSignalException e) {
                // Not acknowledged: the message stays with the broker until the dead-letter publish succeeds.
                LOG.warn("could not dead-letter a message from {}: {}", queue, e.toString());
                Thread.sleep(backoff.next());
            }
        }
    }

    private void ack(long tag) {
        try {
            channel.basicAck(tag, true);
        } catch (IOException | ShutdownSignalException e) {
            // The connection is gone: the broker redelivers these messages and the sink shrugs off the repeat.
            LOG.warn("could not acknowledge on {} (will be redelivered): {}", queue, e.toString());
        }
    }

    private void requeue(long tag) {
        try {
            channel.basicNack(tag, true, true);
        } catch (IOException | ShutdownSignalException e) {
            LOG.warn("could not requeue on {} (the broker will on reconnect): {}", queue, e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            LOG.debug("closing channel of {}: {}", queue, e.toString());
        }
    }
}

package org.polenta.listener.amqp;

import java.util.concurrent.atomic.AtomicLong;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;

/**
 * The listener's Dropwizard metrics, under "polenta.listener.": messages consumed, samples stored, resources
 * ended, messages dead-lettered, samples skipped (unknown meter, filtered project), samples refused by the sink (their
 * resource cannot be created), messages ignored (nothing to file), sink failures, and lag: milliseconds between the sender stamping the newest acknowledged message and
 * its acknowledgement.
 */
public final class ListenerMetrics {

    public static final String PREFIX = "polenta.listener.";

    private final Counter consumed;
    private final Counter stored;
    private final Counter ended;
    private final Counter deadLettered;
    private final Counter skipped;
    private final Counter refused;
    private final Counter ignored;
    private final Counter sinkFailures;
    private final AtomicLong lagMillis = new AtomicLong();

    public ListenerMetrics(MetricRegistry registry) {
        consumed = registry.counter(PREFIX + "consumed");
        stored = registry.counter(PREFIX + "stored");
        ended = registry.counter(PREFIX + "ended");
        deadLettered = registry.counter(PREFIX + "dead-lettered");
        skipped = registry.counter(PREFIX + "skipped");
        refused = registry.counter(PREFIX + "refused");
        ignored = registry.counter(PREFIX + "ignored");
        sinkFailures = registry.counter(PREFIX + "sink-failures");
        registry.gauge(PREFIX + "lag", () -> (Gauge<Long>) lagMillis::get);
    }

    void consumed(int messages) {
        consumed.inc(messages);
    }

    void stored(int samples) {
        stored.inc(samples);
    }

    void ended(int resources) {
        ended.inc(resources);
    }

    void countDeadLettered() {
        deadLettered.inc();
    }

    void skipped(int samples) {
        skipped.inc(samples);
    }

    void refused(int samples) {
        refused.inc(samples);
    }

    void countIgnored() {
        ignored.inc();
    }

    void sinkFailed() {
        sinkFailures.inc();
    }

    void acknowledged(long newestSentAtNanos) {
        if (newestSentAtNanos > 0) {
            lagMillis.set(Math.max(0, System.currentTimeMillis() - newestSentAtNanos / 1_000_000));
        }
    }

    public long consumed() {
        return consumed.getCount();
    }

    public long stored() {
        return stored.getCount();
    }

    public long ended() {
        return ended.getCount();
    }

    public long deadLettered() {
        return deadLettered.getCount();
    }

    public long skipped() {
        return skipped.getCount();
    }

    public long refused() {
        return refused.getCount();
    }

    public long ignored() {
        return ignored.getCount();
    }

    public long sinkFailures() {
        return sinkFailures.getCount();
    }

    public long lagMillis() {
        return lagMillis.get();
    }
}

package org.polenta.listener.amqp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.polenta.listener.mapping.MappedSample;
import org.polenta.listener.mapping.ResourceEnding;
import org.polenta.listener.sink.SampleSink;
import org.polenta.listener.sink.StoreOutcome;

/** A sink that remembers what it got, and can be told to fail like a storage outage. */
final class RecordingSink implements SampleSink {

    final List<MappedSample> samples = new CopyOnWriteArrayList<>();
    final List<ResourceEnding> endings = new CopyOnWriteArrayList<>();
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger failures = new AtomicInteger();

    @Override
    public StoreOutcome store(List<MappedSample> batch) {
        failIfAsked();
        samples.addAll(batch);
        return new StoreOutcome(batch.size(), 0);
    }

    @Override
    public void end(List<ResourceEnding> batch) {
        failIfAsked();
        endings.addAll(batch);
    }

    private void failIfAsked() {
        if (failing.get()) {
            failures.incrementAndGet();
            throw new IllegalStateException("storage is down (test)");
        }
    }

    long distinctMessageIds() {
        return samples.stream().map(MappedSample::messageId).distinct().count();
    }
}

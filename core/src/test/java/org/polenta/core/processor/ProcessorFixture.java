package org.polenta.core.processor;

import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.incoming.Measure;
import org.polenta.core.metric.Metric;
import org.polenta.core.testing.InMemoryAggregateStore;
import org.polenta.core.testing.InMemoryIncomingMeasures;
import org.polenta.core.testing.InMemoryRawPointStore;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A processor wired to the in-memory twins, with helpers to post and inspect. */
class ProcessorFixture {

    static final long S = 1_000_000_000L;
    static final long MINUTE = 60 * S;

    final InMemoryIncomingMeasures incoming = new InMemoryIncomingMeasures(8);
    final InMemoryRawPointStore raw = new InMemoryRawPointStore();
    final InMemoryAggregateStore aggregates = new InMemoryAggregateStore();
    final MetricProcessor processor = new MetricProcessor(incoming, raw, aggregates);
    final Metric metric = new Metric(UUID.randomUUID(), "test", "admin", null, null, null, Metric.ACTIVE);

    static ArchivePolicy policy(int backWindow, Set<String> methods, ArchivePolicyItem... items) {
        return new ArchivePolicy("test", backWindow, Arrays.asList(items), methods);
    }

    static ArchivePolicyItem item(long granularity, Long points) {
        return new ArchivePolicyItem(granularity, points);
    }

    static Measure m(long seconds, double value) {
        return new Measure(seconds * S, value);
    }

    void post(Measure... measures) {
        incoming.add(Map.of(metric.id(), List.of(measures)));
    }

    ProcessingResult process(ArchivePolicy policy) {
        return processor.process(metric, policy);
    }

    Points stored(String method, long granularity) {
        return aggregates.read(metric.id(), new Aggregation(method, granularity), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    Points rawPoints() {
        return raw.read(metric.id(), Long.MIN_VALUE, Long.MAX_VALUE);
    }
}

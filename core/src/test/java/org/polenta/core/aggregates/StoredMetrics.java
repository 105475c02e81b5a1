package org.polenta.core.aggregates;

import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.incoming.Measure;
import org.polenta.core.metric.Metric;
import org.polenta.core.processor.MetricProcessor;
import org.polenta.core.testing.InMemoryAggregateStore;
import org.polenta.core.testing.InMemoryIncomingMeasures;
import org.polenta.core.testing.InMemoryRawPointStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Metrics whose measures went through the real processor into in-memory stores, as a gabbit sets them up. */
final class StoredMetrics {

    static final long S = 1_000_000_000L;
    /** Gnocchi's default aggregation methods. */
    static final Set<String> DEFAULT_METHODS = Set.of("mean", "min", "max", "sum", "std", "count");

    final InMemoryIncomingMeasures incoming = new InMemoryIncomingMeasures(4);
    final InMemoryAggregateStore aggregates = new InMemoryAggregateStore();
    final MetricProcessor processor = new MetricProcessor(incoming, new InMemoryRawPointStore(), aggregates);
    final MeasuresReader reader = new MeasuresReader(aggregates);

    static long at(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * S + i.getNano();
    }

    static ArchivePolicy policy(Set<String> methods, ArchivePolicyItem... items) {
        return new ArchivePolicy("test", 0, List.of(items), methods);
    }

    static ArchivePolicyItem item(double granularitySeconds, Long points) {
        return new ArchivePolicyItem((long) (granularitySeconds * S), points);
    }

    /** A new metric holding these (iso timestamp, value) measures, posted and processed as one batch. */
    MetricAndPolicy metric(ArchivePolicy policy, Object... isoAndValues) {
        Metric metric = new Metric(UUID.randomUUID(), policy.name(), "admin", null, null, null, Metric.ACTIVE);
        post(new MetricAndPolicy(metric, policy), isoAndValues);
        return new MetricAndPolicy(metric, policy);
    }

    void post(MetricAndPolicy m, Object... isoAndValues) {
        List<Measure> measures = new ArrayList<>();
        for (int i = 0; i < isoAndValues.length; i += 2) {
            measures.add(new Measure(at((String) isoAndValues[i]), ((Number) isoAndValues[i + 1]).doubleValue()));
        }
        incoming.add(Map.of(m.metric().id(), measures));
        processor.process(m.metric(), m.policy());
    }

    /** [iso timestamp, granularity seconds or calendar letter, value] as Gnocchi's JSON shows a point. */
    static List<Object> row(AggregatedPoint p) {
        Instant i = Instant.ofEpochSecond(0, p.timestampNanos());
        return List.of(i.toString(), p.granularityJson(), p.value());
    }

    static List<List<Object>> rows(List<AggregatedPoint> points) {
        return points.stream().map(StoredMetrics::row).toList();
    }

    static List<Object> row(String iso, Object granularity, double value) {
        return List.of(Instant.parse(iso).toString(), granularity, value);
    }
}

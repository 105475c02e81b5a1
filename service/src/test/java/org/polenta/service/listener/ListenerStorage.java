package org.polenta.service.listener;

import com.codahale.metrics.MetricRegistry;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.AggregationMethod;
import org.polenta.core.aggregates.Points;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.metric.Metric;
import org.polenta.core.processor.MetricProcessor;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.listener.amqp.ListenerConfig;
import org.polenta.listener.amqp.NotificationListener;
import org.polenta.listener.mapping.MeterMapping;
import org.polenta.listener.mapping.MeterMappingReader;
import org.polenta.listener.sink.SampleSink;
import org.polenta.listener.store.ArchivePolicyInstaller;
import org.polenta.listener.store.RepositorySampleSink;
import org.polenta.listener.store.ResourceTypeInstaller;
import org.polenta.storage.cassandra.CassandraStorage;
import org.polenta.storage.cassandra.CassandraStorageConfig;
import org.polenta.storage.cassandra.cql.CqlScript;

/**
 * The listener's storage side for tests: a fresh keyspace on a real Cassandra with the Ceilometer policies and
 * types installed, the real sink over it, the real processor, and a readable snapshot of what a set of
 * resources holds (resources, metrics, every aggregate).
 */
final class ListenerStorage implements AutoCloseable {

    static final String CREATOR = "admin";

    final CassandraStorage storage;
    final MeterMapping mapping;
    private final List<RepositorySampleSink> sinks = new java.util.concurrent.CopyOnWriteArrayList<>();

    ListenerStorage(String contactPoint, String keyspace, int requestTimeoutSeconds) throws Exception {
        CassandraStorageConfig config = new CassandraStorageConfig();
        config.setContactPoints(List.of(contactPoint));
        config.setKeyspace(keyspace);
        config.setReadConsistency("LOCAL_ONE");
        config.setWriteConsistency("LOCAL_ONE");
        config.setSacks(8);
        config.setRequestTimeoutSeconds(requestTimeoutSeconds);
        storage = CassandraStorage.open(config);
        mapping = MeterMappingReader.read(Path.of("..", "config", "ceilometer-resources.yaml"));
        new ArchivePolicyInstaller(storage.archivePolicies()).install(mapping.archivePolicies());
        new ResourceTypeInstaller(storage.resourceTypes()).install(mapping.resourceTypes());
    }

    static String keyspace(String area) {
        return ("lsn_" + area + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
    }

    RepositorySampleSink sink() {
        RepositorySampleSink sink = new RepositorySampleSink(storage.resources(), storage.resourceTypes(),
                storage.metrics(), storage.incoming(), CREATOR, Clock.systemUTC(), sack -> { }, 8);
        sinks.add(sink);
        return sink;
    }

    NotificationListener listener(ListenerConfig config, SampleSink sink, MetricRegistry registry) {
        return new NotificationListener(config, mapping, sink, registry);
    }

    List<Metric> metricsOf(Collection<String> resourceIds) {
        List<Metric> metrics = new ArrayList<>();
        for (String id : resourceIds) {
            storage.resources().get(ResourceType.GENERIC_NAME, UUID.fromString(id)).ifPresent(resource ->
                    metrics.addAll(storage.metrics().get(new ArrayList<>(resource.metrics().values()))));
        }
        return metrics;
    }

    long pendingMeasures(Collection<Metric> metrics) {
        return metrics.stream().mapToLong(m -> storage.incoming().pending(m.id()).measureCount()).sum();
    }

    /** Aggregates the backlog of these metrics, as a processor would. */
    void process(Collection<Metric> metrics) {
        MetricProcessor processor = new MetricProcessor(storage.incoming(), storage.rawPoints(), storage.runOutput());
        for (Metric metric : metrics) {
            processor.process(metric, storage.archivePolicies().get(metric.archivePolicyName()).orElseThrow());
        }
    }

    /** Everything a client could read about these resources: versions, metric ids and every aggregate. */
    Map<String, Object> snapshot(Collection<String> resourceIds) {
        Map<String, Object> snapshot = new TreeMap<>();
        for (String id : resourceIds) {
            List<Resource> history = storage.resources().history(UUID.fromString(id));
            snapshot.put(id + " history", history);
        }
        for (Metric metric : metricsOf(resourceIds)) {
            ArchivePolicy policy = storage.archivePolicies().get(metric.archivePolicyName()).orElseThrow();
            for (ArchivePolicyItem item : policy.definition()) {
                for (String method : policy.aggregationMethods()) {
                    Aggregation aggregation = new Aggregation(AggregationMethod.of(method).name(), item.granularityNanos());
                    Points points = storage.aggregates().read(metric.id(), aggregation, Long.MIN_VALUE, Long.MAX_VALUE);
                    snapshot.put(metric.id() + " " + method + " " + item.granularityNanos(), describe(points));
                }
            }
            snapshot.put(metric.id() + " raw", describe(storage.rawPoints().read(metric.id(), Long.MIN_VALUE, Long.MAX_VALUE)));
        }
        return snapshot;
    }

    private static List<String> describe(Points points) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            rows.add(points.timestamp(i) + "=" + points.value(i));
        }
        return rows;
    }

    @Override
    public void close() {
        sinks.forEach(RepositorySampleSink::close);
        try {
            String drop = CqlScript.load("queries/drop_keyspace.cql", Map.of("target", storage.keyspace()))
                    .statement("dropKeyspace");
            storage.session().execute(SimpleStatement.newInstance(drop).setTimeout(Duration.ofSeconds(60)));
        } catch (RuntimeException e) {
            // the node may be gone (outage test); the keyspace then goes with its data directory
        } finally {
            storage.close();
        }
    }
}

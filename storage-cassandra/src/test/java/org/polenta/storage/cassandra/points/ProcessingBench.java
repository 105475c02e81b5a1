package org.polenta.storage.cassandra.points;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.RawPointStore;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.DefaultArchivePolicies;
import org.polenta.core.incoming.Measure;
import org.polenta.core.metric.Metric;
import org.polenta.core.processor.MetricProcessor;
import org.polenta.core.testing.InMemoryIncomingMeasures;

/**
 * A microbenchmark, not a test: the processing path without Cassandra. MetricProcessor runs over stores that
 * keep SeriesCodec blobs in maps split as the Cassandra stores split them and, like them with the held-state
 * cache, decode, overlay and re-encode the touched split on every run. Prints the CPU per run; run it under JFR
 * to see where it goes. Args: policy name (default medium), metrics, measures per run, runs.
 */
public final class ProcessingBench {

    private static final long SECOND = 1_000_000_000L;

    private ProcessingBench() {
    }

    public static void main(String[] args) {
        String policyName = args.length > 0 ? args[0] : "medium";
        int metrics = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int perRun = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 600;
        ArchivePolicy policy = DefaultArchivePolicies.all().stream().filter(p -> p.name().equals(policyName))
            .findFirst().orElseThrow();
        InMemoryIncomingMeasures incoming = new InMemoryIncomingMeasures(8);
        BlobRawStore raw = new BlobRawStore();
        BlobAggregateStore aggregates = new BlobAggregateStore();
        MetricProcessor processor = new MetricProcessor(incoming, raw, aggregates);
        List<Metric> ms = new ArrayList<>();
        double[] levels = new double[metrics];
        for (int i = 0; i < metrics; i++) {
            ms.add(new Metric(UUID.randomUUID(), "bench", "admin", null, null, null, Metric.ACTIVE));
            levels[i] = 50;
        }
        Random random = new Random(1);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t = 1_700_000_000L;
        long cpuStart = 0;
        int measured = 0;
        for (int run = 0; run < runs; run++) {
            if (run == runs / 3) {
                cpuStart = cpu.getCurrentThreadCpuTime();
            }
            for (int m = 0; m < metrics; m++) {
                List<Measure> batch = new ArrayList<>();
                for (int k = 0; k < perRun; k++) {
                    levels[m] += random.nextGaussian() * 0.3;
                    batch.add(new Measure((t + k) * SECOND, Math.round(levels[m] * 100) / 100.0));
                }
                incoming.add(Map.of(ms.get(m).id(), batch));
                processor.process(ms.get(m), policy);
                if (run >= runs / 3) {
                    measured++;
                }
            }
            t += perRun;
        }
        long cpuNanos = cpu.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf("policy %s, %d metrics, %d measures a run: %.1f us CPU per metric run (%d runs)%n",
            policyName, metrics, perRun, cpuNanos / 1e3 / measured, measured);
        System.out.printf("aggregates: %.3f bytes per point; raw: %.3f bytes per point%n", aggregates.bytesPerPoint(),
            raw.bytesPerPoint());
    }

    /** Splits as in CassandraAggregateStore, every run decoding and re-encoding what it touches. */
    static final class BlobAggregateStore implements AggregateStore {

        private final Map<HeldStateCache.Key, byte[]> splits = new HashMap<>();

        @Override
        public Points read(UUID metricId, Aggregation aggregation, long from, long to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(UUID metricId, Aggregation aggregation, Points buckets, int ttlSeconds) {
            long granularity = aggregation.granularityNanos();
            int[] bounds = PointsMerge.runBoundaries(buckets, ts -> SplitLayout.splitOf(ts, granularity));
            for (int r = 0; r + 1 < bounds.length; r++) {
                Points part = PointsMerge.range(buckets, bounds[r], bounds[r + 1]);
                long index = SplitLayout.splitOf(part.timestamp(0), granularity);
                HeldStateCache.Key key = new HeldStateCache.Key(metricId, aggregation.method(), granularity, index);
                byte[] stored = splits.get(key);
                Points old = stored == null ? Points.EMPTY : Blobs.decode(java.nio.ByteBuffer.wrap(stored));
                splits.put(key, Blobs.encode(PointsMerge.overlay(old, part), granularity).array());
            }
        }

        double bytesPerPoint() {
            long bytes = 0;
            long points = 0;
            for (byte[] blob : splits.values()) {
                bytes += blob.length;
                points += Blobs.decode(java.nio.ByteBuffer.wrap(blob)).size();
            }
            return (double) bytes / points;
        }
    }

    /** Hour blocks as in CassandraRawPointStore. */
    static final class BlobRawStore implements RawPointStore {

        private static final long BLOCK = 3600 * SECOND;
        private final Map<UUID, java.util.TreeMap<Long, byte[]>> blocks = new HashMap<>();
        /** As the held-state cache keeps it: a number, not a blob to decode. */
        private final Map<UUID, Long> newest = new HashMap<>();

        @Override
        public Points read(UUID metricId, long from, long to) {
            var own = blocks.get(metricId);
            if (own == null || from >= to) {
                return Points.EMPTY;
            }
            List<Points> parts = new ArrayList<>();
            for (byte[] blob : own.subMap(Math.floorDiv(from, BLOCK), true, Math.floorDiv(to - 1, BLOCK), true)
                .values()) {
                parts.add(Blobs.decode(java.nio.ByteBuffer.wrap(blob)));
            }
            return parts.isEmpty() ? Points.EMPTY : PointsMerge.concat(parts).slice(from, to);
        }

        @Override
        public Points lastBefore(UUID metricId, long ts) {
            Points before = read(metricId, Long.MIN_VALUE, ts);
            return before.isEmpty() ? before : before.slice(before.timestamp(before.size() - 1), ts);
        }

        @Override
        public void write(UUID metricId, Points points) {
            var own = blocks.computeIfAbsent(metricId, id -> new java.util.TreeMap<>());
            int[] bounds = PointsMerge.runBoundaries(points, ts -> Math.floorDiv(ts, BLOCK));
            for (int r = 0; r + 1 < bounds.length; r++) {
                Points part = PointsMerge.range(points, bounds[r], bounds[r + 1]);
                long index = Math.floorDiv(part.timestamp(0), BLOCK);
                byte[] stored = own.get(index);
                Points old = stored == null ? Points.EMPTY : Blobs.decode(java.nio.ByteBuffer.wrap(stored));
                own.put(index, Blobs.encode(PointsMerge.overlay(old, part), SECOND).array());
            }
            newest.merge(metricId, points.timestamp(points.size() - 1), Math::max);
        }

        @Override
        public OptionalLong newestTimestamp(UUID metricId) {
            Long known = newest.get(metricId);
            return known == null ? OptionalLong.empty() : OptionalLong.of(known);
        }

        double bytesPerPoint() {
            long bytes = 0;
            long points = 0;
            for (var own : blocks.values()) {
                for (byte[] blob : own.values()) {
                    bytes += blob.length;
                    points += Blobs.decode(java.nio.ByteBuffer.wrap(blob)).size();
                }
            }
            return (double) bytes / points;
        }
    }
}

package org.polenta.storage.cassandra;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.incoming.Measure;
import org.polenta.core.metric.Metric;
import org.polenta.core.processor.MetricProcessor;
import org.polenta.core.testing.InMemoryIncomingMeasures;
import org.polenta.storage.cassandra.cql.CqlScript;

/**
 * Bytes per aggregated point in the shape of {@code bin/polenta bench} (the shared loadgen): 1 s points with
 * random 2-decimal values in [0, 100), archive policy 1s/1h, 1m/1d, 1h/30d with mean, min, max, sum, count, run
 * through the real MetricProcessor against the Cassandra stores, a few hundred points a run, every sack held (as a
 * processing instance holds them). Not a test: run by hand with {@code java -cp <test classpath>
 * org.polenta.storage.cassandra.PolicySizeBenchmark [metrics] [pointsPerMetric] [pointsPerRun] [dataDir]}.
 *
 * <p>Points are counted as loadgen counts them (what the policy keeps: 3600 at 1 s, not the 5000 written, whose
 * oldest wait for their TTL). Reports the blobs' own bytes, read back, and the aggregates table's files once
 * Cassandra has flushed it (splits rewritten across a flush count more than once there until compaction).
 */
public final class PolicySizeBenchmark {

    private static final long SECOND = 1_000_000_000L;
    private static final long BASE_EPOCH = 1_704_067_200L;
    private static final long[][] POLICY = {{1, 3600}, {60, 86_400}, {3600, 30 * 86_400}};
    private static final Set<String> METHODS = Set.of("mean", "min", "max", "sum", "count");

    private PolicySizeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int metrics = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perMetric = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int perRun = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Path dataRoot = Paths.get(args.length > 3 ? args[3] : "var/cassandra/test/run/data");
        String keyspace = "storage_bench_" + UUID.randomUUID().toString().substring(0, 8);
        List<ArchivePolicyItem> items = new ArrayList<>();
        for (long[] item : POLICY) {
            items.add(new ArchivePolicyItem(item[0] * SECOND, item[1] / item[0]));
        }
        ArchivePolicy policy = new ArchivePolicy("bench", 0, items, METHODS);
        try (CassandraStorage storage = CassandraStorage.open(CassandraKeyspaceExtension.config(keyspace))) {
            try {
                for (int sack = 0; sack < storage.incoming().sackCount(); sack++) {
                    storage.sackTenures().held(sack, Long.MAX_VALUE);
                }
                long started = System.nanoTime();
                process(storage, policy, metrics, perMetric, perRun);
                System.out.printf("processed %d metrics x %d points, %d a run, in %.1f s%n", metrics, perMetric,
                    perRun, (System.nanoTime() - started) / 1e9);
                long points = (long) metrics * keptPerMetric(perMetric) * METHODS.size();
                long[] blobs = blobBytesAndRows(storage, keyspace);
                System.out.printf("blobs          %d bytes in %d splits for %d aggregated points = %.3f B/point%n",
                    blobs[0], blobs[1], points, (double) blobs[0] / points);
                AggregatesOnDisk.flushAndMeasure(storage, keyspace, dataRoot, points);
            } finally {
                CassandraKeyspaceExtension.drop(storage, keyspace);
            }
        }
    }

    private static void process(CassandraStorage storage, ArchivePolicy policy, int metrics, int perMetric,
                                int perRun) {
        InMemoryIncomingMeasures incoming = new InMemoryIncomingMeasures(16);
        MetricProcessor processor = new MetricProcessor(incoming, storage.rawPoints(), storage.aggregates());
        Random random = new Random(2024);
        for (int m = 0; m < metrics; m++) {
            Metric metric = new Metric(UUID.randomUUID(), "bench", "admin", null, null, null, Metric.ACTIVE);
            for (int from = 0; from < perMetric; from += perRun) {
                List<Measure> batch = new ArrayList<>();
                for (int k = from; k < Math.min(perMetric, from + perRun); k++) {
                    batch.add(new Measure((BASE_EPOCH + k) * SECOND, Math.round(random.nextDouble() * 10_000) / 100.0));
                }
                incoming.add(Map.of(metric.id(), batch));
                processor.process(metric, policy);
            }
        }
    }

    /** As loadgen's verify step counts them: the buckets each granularity keeps, per method. */
    private static long keptPerMetric(int perMetric) {
        long kept = 0;
        for (long[] item : POLICY) {
            long buckets = (BASE_EPOCH + perMetric - 1) / item[0] - BASE_EPOCH / item[0] + 1;
            kept += Math.min(buckets, item[1] / item[0]);
        }
        return kept;
    }

    private static long[] blobBytesAndRows(CassandraStorage storage, String keyspace) {
        String all = CqlScript.load("queries/bench.cql", Map.of("keyspace", keyspace)).statement("allAggregateBlobs");
        long bytes = 0;
        long rows = 0;
        for (Row row : storage.session().execute(SimpleStatement.newInstance(all)
                .setTimeout(Duration.ofSeconds(60)).setPageSize(2000))) {
            ByteBuffer blob = row.getByteBuffer("points");
            bytes += blob == null ? 0 : blob.remaining();
            rows++;
        }
        return new long[] {bytes, rows};
    }
}

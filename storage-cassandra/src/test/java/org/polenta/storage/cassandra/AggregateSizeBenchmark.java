package org.polenta.storage.cassandra;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SeriesCodec;

/**
 * Bytes per aggregated point, for a day of realistic 1-minute series written the way the processor writes
 * them (an hour at a time, merged into the day's split). Not a test: run by hand with
 * {@code java -cp <test classpath> org.polenta.storage.cassandra.AggregateSizeBenchmark [metrics] [dataDir]}.
 * Reports the codec's own size and, after Cassandra has flushed, the Data.db size of the aggregates table.
 */
public final class AggregateSizeBenchmark {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long DAY = 1440 * MINUTE;

    private AggregateSizeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int metrics = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dataRoot = Paths.get(args.length > 1 ? args[1] : "var/cassandra/test/run/data");
        String keyspace = "storage_bench_" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(2024);
        long dayStart = 20_400 * DAY;
        Map<String, long[]> bytesAndPoints = new LinkedHashMap<>();
        try (CassandraStorage storage = CassandraStorage.open(CassandraKeyspaceExtension.config(keyspace))) {
            try {
                for (int m = 0; m < metrics; m++) {
                    UUID metric = UUID.randomUUID();
                    for (Map.Entry<String, Series> e : series(random, dayStart).entrySet()) {
                        Series s = e.getValue();
                        write(storage, metric, s);
                        long[] acc = bytesAndPoints.computeIfAbsent(e.getKey(), k -> new long[2]);
                        acc[0] += SeriesCodec.encode(s.points, s.granularity).length;
                        acc[1] += s.points.size();
                    }
                }
                report(bytesAndPoints);
                AggregatesOnDisk.flushAndMeasure(storage, keyspace, dataRoot,
                    bytesAndPoints.values().stream().mapToLong(a -> a[1]).sum());
            } finally {
                CassandraKeyspaceExtension.drop(storage, keyspace);
            }
        }
    }

    private record Series(String method, long granularity, Points points) {
    }

    /** One metric's day: a gauge (random walk, 2 decimals), a counter-like count per minute, and derived series. */
    private static Map<String, Series> series(Random random, long dayStart) {
        int n = 1440;
        long[] ts = new long[n];
        double[] walk = new double[n];
        double[] counts = new double[n];
        double[] meanOf10s = new double[n];
        double level = 20 + random.nextDouble() * 60;
        double fine = level;
        double rate = 5 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            ts[i] = dayStart + i * MINUTE;
            level += random.nextGaussian() * 0.3;
            walk[i] = Math.round(level * 100) / 100.0;
            counts[i] = Math.max(0, Math.round(rate + random.nextGaussian() * Math.sqrt(rate)));
            double sum = 0;
            for (int k = 0; k < 6; k++) {
                fine += random.nextGaussian() * 0.1;
                sum += Math.round(fine * 100) / 100.0;
            }
            meanOf10s[i] = sum / 6;
        }
        long[] ts5 = new long[n / 5];
        double[] mean5 = new double[n / 5];
        for (int i = 0; i < n / 5; i++) {
            ts5[i] = dayStart + i * 5 * MINUTE;
            double sum = 0;
            for (int k = 0; k < 5; k++) {
                sum += walk[i * 5 + k];
            }
            mean5[i] = sum / 5;
        }
        Map<String, Series> all = new LinkedHashMap<>();
        all.put("gauge 1m (random walk, 2 decimals)", new Series("mean", MINUTE, new Points(ts, walk)));
        all.put("counts 1m (integers)", new Series("sum", MINUTE, new Points(ts, counts)));
        all.put("mean 5m of the gauge", new Series("mean", 5 * MINUTE, new Points(ts5, mean5)));
        all.put("mean 1m of 10 s samples (worst case)", new Series("max", MINUTE, new Points(ts, meanOf10s)));
        return all;
    }

    /** An hour at a time, as metricd would write while the day goes by. */
    private static void write(CassandraStorage storage, UUID metric, Series s) {
        Aggregation aggregation = new Aggregation(s.method, s.granularity);
        for (long hour = 0; hour < 24; hour++) {
            long from = s.points.timestamp(0) + hour * 60 * MINUTE;
            storage.aggregates().write(metric, aggregation, s.points.slice(from, from + 60 * MINUTE), 30 * 86_400);
        }
    }

    private static void report(Map<String, long[]> bytesAndPoints) {
        long bytes = 0;
        long points = 0;
        for (Map.Entry<String, long[]> e : bytesAndPoints.entrySet()) {
            System.out.printf("encoded blobs  %-40s %8d points %10d bytes %6.3f B/point%n", e.getKey(),
                e.getValue()[1], e.getValue()[0], (double) e.getValue()[0] / e.getValue()[1]);
            bytes += e.getValue()[0];
            points += e.getValue()[1];
        }
        System.out.printf("encoded blobs  %-40s %8d points %10d bytes %6.3f B/point%n", "ALL", points, bytes,
            (double) bytes / points);
    }
}

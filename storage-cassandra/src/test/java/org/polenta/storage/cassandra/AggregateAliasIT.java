package org.polenta.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SplitAlias;
import org.polenta.storage.cassandra.cql.CqlScript;

/**
 * Splits that writeAll stores as aliases of the mean's split, and how every read path resolves them. Each test runs
 * with the sacks not held (every merge reads Cassandra) and held (merges start from the HeldStateCache).
 */
class AggregateAliasIT {

    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3600 * SECOND;
    /** Hour-aligned: a 1 s split holds an hour. */
    private static final long T0 = 472_222L * HOUR;
    private static final List<String> SAME_AT_ONE_POINT = List.of("max", "mean", "min", "sum");
    private static final byte FULL_VERSION = 1;
    private static final byte ALIAS_MARKER = SplitAlias.encode("mean")[0];

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    private final AggregateStore store = KEYSPACE.storage().aggregates();

    @AfterEach
    void releaseSacks() {
        hold(false);
    }

    @ParameterizedTest(name = "held {0}")
    @ValueSource(booleans = {false, true})
    void identicalSeriesAreStoredOnceAndEveryMethodReadsThemBack(boolean held) {
        hold(held);
        UUID metric = UUID.randomUUID();
        Points values = walk(T0 + HOUR - 60 * SECOND, 120, 3);
        writeAll(metric, same(values, "count", ones(values)));

        assertThat(blobs(metric, "mean")).hasSize(2).allSatisfy(b -> assertThat(b[0]).isEqualTo(FULL_VERSION));
        assertThat(blobs(metric, "count")).hasSize(2).allSatisfy(b -> assertThat(b[0]).isEqualTo(FULL_VERSION));
        for (String method : List.of("max", "min", "sum")) {
            assertThat(blobs(metric, method)).hasSize(2)
                .allSatisfy(b -> assertThat(b).isEqualTo(SplitAlias.encode("mean")));
        }
        for (String method : SAME_AT_ONE_POINT) {
            assertReadsBack(metric, method, values);
        }
        assertReadsBack(metric, "count", ones(values));
    }

    /** More split rows than one single-partition write takes: the full blobs go first, then the aliases. */
    @ParameterizedTest(name = "held {0}")
    @ValueSource(booleans = {false, true})
    void aRunTooLargeForOneWriteReadsBackWhole(boolean held) {
        hold(held);
        UUID metric = UUID.randomUUID();
        int splits = 700;
        long[] ts = new long[splits];
        double[] vs = new double[splits];
        for (int i = 0; i < splits; i++) {
            ts[i] = T0 + i * HOUR + 17 * SECOND;
            vs[i] = i * 0.25;
        }
        Points hourly = new Points(ts, vs);
        writeAll(metric, same(hourly, "count", ones(hourly)));

        assertThat(blobs(metric, "mean")).hasSize(splits);
        assertThat(blobs(metric, "max")).hasSize(splits)
            .allSatisfy(b -> assertThat(b).isEqualTo(SplitAlias.encode("mean")));
        for (String method : SAME_AT_ONE_POINT) {
            assertReadsBack(metric, method, hourly);
        }
        assertReadsBack(metric, "count", ones(hourly));
    }

    @ParameterizedTest(name = "held {0}")
    @ValueSource(booleans = {false, true})
    void aMethodThatDivergesIsFullAgainAndAliasedAgainOnceEqual(boolean held) {
        hold(held);
        UUID metric = UUID.randomUUID();
        Points first = walk(T0 + HOUR - 60 * SECOND, 120, 3);
        writeAll(metric, same(first));

        // A later run touches the first split only, and there max differs from the mean in one bucket.
        Points update = walk(T0 + HOUR - 10 * SECOND, 5, 50);
        Points higher = withValue(update, 2, 99.5);
        Map<String, Points> diverged = same(update);
        diverged.put("max", higher);
        writeAll(metric, diverged);

        assertThat(blobs(metric, "max")).extracting(b -> b[0]).containsExactly(FULL_VERSION, ALIAS_MARKER);
        assertThat(blobs(metric, "min").get(0)).isEqualTo(SplitAlias.encode("mean"));
        Points mean = overlay(first, update);
        assertReadsBack(metric, "mean", mean);
        assertReadsBack(metric, "min", mean);
        assertReadsBack(metric, "max", overlay(first, higher));
        // Across the boundary of a full split and an aliased one, and within each.
        assertRangeReadsBack(metric, "max", overlay(first, higher), T0 + HOUR - 5 * SECOND, T0 + HOUR + 5 * SECOND);
        assertRangeReadsBack(metric, "max", overlay(first, higher), T0 + HOUR - 30 * SECOND, T0 + HOUR);
        assertRangeReadsBack(metric, "max", overlay(first, higher), T0 + HOUR + 7 * SECOND, T0 + 2 * HOUR);

        // The bucket that made max differ is rewritten with the mean's value: equal again, an alias again.
        Points again = walk(T0 + HOUR - 8 * SECOND, 1, 7);
        writeAll(metric, same(again));
        assertThat(blobs(metric, "max")).allSatisfy(b -> assertThat(b).isEqualTo(SplitAlias.encode("mean")));
        for (String method : SAME_AT_ONE_POINT) {
            assertReadsBack(metric, method, overlay(mean, again));
        }
    }

    @ParameterizedTest(name = "held {0}")
    @ValueSource(booleans = {false, true})
    void writeOfOneSeriesNeverMakesAnAlias(boolean held) {
        hold(held);
        UUID metric = UUID.randomUUID();
        Points values = walk(T0, 30, 1);
        for (String method : SAME_AT_ONE_POINT) {
            store.write(metric, new Aggregation(method, SECOND), values, 3600);
        }
        for (String method : SAME_AT_ONE_POINT) {
            assertThat(blobs(metric, method)).singleElement().satisfies(b -> assertThat(b[0]).isEqualTo(FULL_VERSION));
            assertReadsBack(metric, method, values);
        }
    }

    @ParameterizedTest(name = "held {0}")
    @ValueSource(booleans = {false, true})
    void anAliasWrittenWithoutItsTargetStartsFromTheTargetsSplit(boolean held) {
        hold(held);
        UUID metric = UUID.randomUUID();
        Points values = walk(T0, 30, 1);
        writeAll(metric, same(values));
        Points update = walk(T0 + 40 * SECOND, 2, -4);
        store.writeAll(metric, List.of(new AggregateStore.SeriesWrite(new Aggregation("min", SECOND), update, 3600)));
        assertThat(blobs(metric, "min")).singleElement().satisfies(b -> assertThat(b[0]).isEqualTo(FULL_VERSION));
        assertReadsBack(metric, "min", overlay(values, update));
        assertReadsBack(metric, "max", values);
    }

    @ParameterizedTest(name = "held {0}")
    @ValueSource(booleans = {false, true})
    void methodsThatMayMissARunNeverStandForTheMean(boolean held) {
        hold(held);
        UUID metric = UUID.randomUUID();
        Points zeros = new Points(new long[] {T0, T0 + SECOND}, new double[] {0, 0});
        writeAll(metric, Map.of("mean", zeros, "std", zeros, "rate:mean", zeros, "max", zeros));
        assertThat(blobs(metric, "std")).singleElement().satisfies(b -> assertThat(b[0]).isEqualTo(FULL_VERSION));
        assertThat(blobs(metric, "rate:mean")).singleElement().satisfies(b -> assertThat(b[0]).isEqualTo(FULL_VERSION));
        assertThat(blobs(metric, "max")).singleElement().isEqualTo(SplitAlias.encode("mean"));
    }

    @Test
    void aHeldRunAndAnUnheldRunStoreAndReadTheSame() {
        UUID heldMetric = UUID.randomUUID();
        UUID freeMetric = UUID.randomUUID();
        hold(true);
        runSequence(heldMetric);
        hold(false);
        runSequence(freeMetric);
        for (String method : List.of("max", "mean", "min", "sum", "count")) {
            assertThat(blobs(heldMetric, method)).usingRecursiveComparison().isEqualTo(blobs(freeMetric, method));
            assertThat(read(heldMetric, method)).isEqualTo(read(freeMetric, method));
        }
        assertThat(blobs(heldMetric, "max").get(0)[0]).isEqualTo(FULL_VERSION);
        assertThat(blobs(heldMetric, "max").get(1)).isEqualTo(SplitAlias.encode("mean"));
    }

    @Test
    void readAllResolvesTheAliasesOfSeveralMetrics() {
        List<UUID> metrics = new ArrayList<>();
        List<Points> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID metric = UUID.randomUUID();
            Points values = walk(T0 + HOUR - (i + 1) * SECOND, 2 * i + 2, i);
            Map<String, Points> series = same(values);
            if (i % 3 == 0) {
                series.put("max", withValue(values, 0, 1000 + i));
            }
            writeAll(metric, series);
            metrics.add(metric);
            expected.add(series.get("max"));
        }
        metrics.add(UUID.randomUUID());
        expected.add(Points.EMPTY);
        Aggregation max = new Aggregation("max", SECOND);
        assertThat(store.readAllAsync(metrics, max, Long.MIN_VALUE, Long.MAX_VALUE).join()).isEqualTo(expected);
        List<Points> sliced = store.readAllAsync(metrics, max, T0 + HOUR, Long.MAX_VALUE).join();
        for (int i = 0; i < metrics.size(); i++) {
            assertThat(sliced.get(i)).isEqualTo(expected.get(i).slice(T0 + HOUR, Long.MAX_VALUE));
        }
    }

    private void runSequence(UUID metric) {
        Points first = walk(T0 + HOUR - 60 * SECOND, 120, 3);
        writeAll(metric, same(first, "count", ones(first)));
        Points update = walk(T0 + HOUR - 10 * SECOND, 5, 50);
        Map<String, Points> diverged = same(update, "count", ones(update));
        diverged.put("max", withValue(update, 1, -1));
        writeAll(metric, diverged);
        Points later = walk(T0 + HOUR + 59 * SECOND, 3, 9);
        writeAll(metric, same(later, "count", ones(later)));
    }

    private void hold(boolean held) {
        for (int sack = 0; sack < KEYSPACE.storage().incoming().sackCount(); sack++) {
            if (held) {
                KEYSPACE.storage().sackTenures().held(sack, Long.MAX_VALUE);
            } else {
                KEYSPACE.storage().sackTenures().ended(sack);
            }
        }
    }

    private void writeAll(UUID metric, Map<String, Points> series) {
        List<AggregateStore.SeriesWrite> writes = new ArrayList<>();
        series.forEach((method, points) -> writes.add(
            new AggregateStore.SeriesWrite(new Aggregation(method, SECOND), points, 3600)));
        store.writeAll(metric, writes);
    }

    private Points read(UUID metric, String method) {
        return store.read(metric, new Aggregation(method, SECOND), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private void assertReadsBack(UUID metric, String method, Points expected) {
        assertRangeReadsBack(metric, method, expected, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private void assertRangeReadsBack(UUID metric, String method, Points all, long from, long to) {
        Aggregation aggregation = new Aggregation(method, SECOND);
        Points expected = all.slice(from, to);
        assertThat(store.read(metric, aggregation, from, to)).as("read " + method).isEqualTo(expected);
        assertThat(store.readAsync(metric, aggregation, from, to).join()).as("readAsync " + method)
            .isEqualTo(expected);
        assertThat(store.readAllAsync(List.of(UUID.randomUUID(), metric), aggregation, from, to).join())
            .as("readAllAsync " + method).containsExactly(Points.EMPTY, expected);
    }

    /** The stored blobs of a series, in split order. */
    private static List<byte[]> blobs(UUID metric, String method) {
        String cql = CqlScript.load("queries/inspection.cql",
                Map.of("keyspace", KEYSPACE.storage().keyspace(), "target", "unused"))
            .statement("aggregateBlobs");
        List<byte[]> blobs = new ArrayList<>();
        for (Row row : KEYSPACE.storage().session().execute(SimpleStatement.newInstance(cql, metric, method, SECOND))) {
            ByteBuffer blob = row.getByteBuffer("points");
            byte[] bytes = new byte[blob.remaining()];
            blob.duplicate().get(bytes);
            blobs.add(bytes);
        }
        return blobs;
    }

    private static Map<String, Points> same(Points values, Object... more) {
        Map<String, Points> series = new LinkedHashMap<>();
        for (String method : SAME_AT_ONE_POINT) {
            series.put(method, values);
        }
        for (int i = 0; i < more.length; i += 2) {
            series.put((String) more[i], (Points) more[i + 1]);
        }
        return series;
    }

    /** 2-decimal values, one a second. */
    private static Points walk(long start, int n, double level) {
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start + i * SECOND;
            vs[i] = Math.round((level + i * 0.37 + (i % 5) * 1.13) * 100) / 100.0;
        }
        return new Points(ts, vs);
    }

    private static Points ones(Points like) {
        double[] vs = new double[like.size()];
        java.util.Arrays.fill(vs, 1);
        return new Points(like.timestamps(), vs);
    }

    private static Points withValue(Points points, int at, double value) {
        double[] vs = points.values().clone();
        vs[at] = value;
        return new Points(points.timestamps(), vs);
    }

    private static Points overlay(Points older, Points newer) {
        Map<Long, Double> merged = new java.util.TreeMap<>();
        for (int i = 0; i < older.size(); i++) {
            merged.put(older.timestamp(i), older.value(i));
        }
        for (int i = 0; i < newer.size(); i++) {
            merged.put(newer.timestamp(i), newer.value(i));
        }
        return new Points(merged.keySet().stream().mapToLong(Long::longValue).toArray(),
            merged.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
}

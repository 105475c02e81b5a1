package org.polenta.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SeriesCodec;
import org.polenta.storage.cassandra.cql.CqlScript;

/**
 * The aggregates an earlier version wrote to the aggregates table are read back, with their TTLs and write times,
 * once a new version has opened the keyspace; the move runs once.
 */
class AggregatesMoveIT {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long T0 = 1_700_000_000L * SECOND;
    private static final long WRITTEN = 1_700_000_000_000_000L;
    /** At a granularity of a minute a split spans a day (SplitLayout). */
    private static final long SPLIT = Math.floorDiv(T0, 86_400 * SECOND);

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    private static CqlScript inspection(CassandraStorage storage) {
        return CqlScript.load("queries/inspection.cql", Map.of("keyspace", storage.keyspace(), "target", "unused"));
    }

    private static List<Row> run(CassandraStorage storage, String query, Object... values) {
        return storage.session().execute(SimpleStatement.newInstance(inspection(storage).statement(query), values))
            .all();
    }

    private static void writeOld(CassandraStorage storage, UUID metric, String method, long granularity, long split,
                                 Points points, int ttl, long written) {
        run(storage, "insertOldAggregate", metric, method, granularity, split,
            ByteBuffer.wrap(SeriesCodec.encode(points, granularity)), ttl, written);
    }

    @Test
    void oldSplitsAreReadBackWithTheirTtlsAndWriteTimesAndTheMoveRunsOnce() {
        CassandraStorage storage = KEYSPACE.storage();
        UUID metric = UUID.randomUUID();
        Points means = new Points(new long[] {T0, T0 + MINUTE, T0 + 2 * MINUTE}, new double[] {1.5, 2.5, 3.5});
        Points maxes = new Points(new long[] {T0, T0 + MINUTE}, new double[] {4, 5});
        long split = SPLIT;
        writeOld(storage, metric, "mean", MINUTE, split, means, 86_400, WRITTEN);
        writeOld(storage, metric, "max", MINUTE, split, maxes, 0, WRITTEN + 1);
        // Many metrics, so that the copy takes several pages and batches.
        for (int i = 0; i < 700; i++) {
            writeOld(storage, UUID.randomUUID(), "mean", MINUTE, split, means, 3_600, WRITTEN);
        }
        run(storage, "forgetAggregatesMove");

        try (CassandraStorage upgraded = CassandraStorage.open(KEYSPACE.config())) {
            AggregateStore aggregates = upgraded.aggregates();
            assertThat(aggregates.read(metric, new Aggregation("mean", MINUTE), Long.MIN_VALUE, Long.MAX_VALUE))
                .isEqualTo(means);
            assertThat(aggregates.read(metric, new Aggregation("max", MINUTE), Long.MIN_VALUE, Long.MAX_VALUE))
                .isEqualTo(maxes);
            List<Row> copies = run(upgraded, "aggregateCopies", metric);
            assertThat(copies).hasSize(2);
            Row max = copies.get(0);
            Row mean = copies.get(1);
            assertThat(mean.getString("method")).isEqualTo("mean");
            assertThat(mean.getInt("ttl")).isBetween(86_400 - 120, 86_400);
            assertThat(mean.getLong("written")).isEqualTo(WRITTEN);
            assertThat(max.isNull("ttl")).isTrue();
            assertThat(max.getLong("written")).isEqualTo(WRITTEN + 1);

            // Done once: an old row written now is not copied by the next open.
            UUID late = UUID.randomUUID();
            writeOld(upgraded, late, "mean", MINUTE, split, means, 3_600, WRITTEN);
            try (CassandraStorage again = CassandraStorage.open(KEYSPACE.config())) {
                assertThat(run(again, "aggregateCopies", late)).isEmpty();
            }
        }
    }

    @Test
    void aSplitRewrittenAfterTheCopyKeepsItsNewContentWhenTheMoveRunsAgain() {
        CassandraStorage storage = KEYSPACE.storage();
        UUID metric = UUID.randomUUID();
        Aggregation mean = new Aggregation("mean", MINUTE);
        Points old = new Points(new long[] {T0}, new double[] {1});
        long split = SPLIT;
        writeOld(storage, metric, "mean", MINUTE, split, old, 0, WRITTEN);
        Points now = new Points(new long[] {T0}, new double[] {2});
        storage.aggregates().write(metric, mean, now, 0);
        // A move that crashed before recording itself runs again on the next open.
        run(storage, "forgetAggregatesMove");

        try (CassandraStorage upgraded = CassandraStorage.open(KEYSPACE.config())) {
            assertThat(upgraded.aggregates().read(metric, mean, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(now);
        }
    }
}

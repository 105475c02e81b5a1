package org.polenta.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.PendingMeasures;
import org.polenta.storage.cassandra.codec.MeasureBatchCodec;
import org.polenta.storage.cassandra.cql.CqlScript;

/**
 * The backlog an earlier version left in incoming_measures reaches the current backlog, whole and in order, when a
 * new version opens the keyspace.
 */
class IncomingMeasuresMoveIT {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    private static CqlScript inspection(CassandraStorage storage) {
        return CqlScript.load("queries/inspection.cql", Map.of("keyspace", storage.keyspace(), "target", "unused"));
    }

    private static void writeOldRow(CassandraStorage storage, UUID metric, UUID batchId, List<Measure> measures) {
        storage.session().execute(SimpleStatement.newInstance(inspection(storage).statement("insertOldBacklogRow"),
            storage.incoming().sackOf(metric), metric, batchId, measures.size(),
            ByteBuffer.wrap(MeasureBatchCodec.encode(measures))));
    }

    private static int oldRows(CassandraStorage storage) {
        return storage.session().execute(SimpleStatement.newInstance(
            inspection(storage).statement("oldBacklogRows"))).all().size();
    }

    private static List<Measure> measures(int first, int count) {
        List<Measure> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Measure(T0 + (first + i) * SECOND, first + i + 0.5));
        }
        return list;
    }

    @Test
    void oldRowsArePendingAgainInTheirOrderBeforeNewOnesAndLeaveTheOldTable() {
        CassandraStorage storage = KEYSPACE.storage();
        IncomingMeasures incoming = storage.incoming();
        UUID metric = UUID.randomUUID();
        // Older batch ids first, written out of order: the backlog orders them by their time.
        UUID older = Uuids.startOf(1_600_000_000_000L);
        UUID newer = Uuids.startOf(1_600_000_001_000L);
        writeOldRow(storage, metric, newer, measures(10, 3));
        writeOldRow(storage, metric, older, measures(0, 2));
        // More than one step of the move, spread over every sack.
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            UUID other = UUID.randomUUID();
            others.add(other);
            writeOldRow(storage, other, Uuids.timeBased(), measures(i, 1));
        }
        incoming.add(Map.of(metric, measures(20, 1)));

        try (CassandraStorage upgraded = CassandraStorage.open(KEYSPACE.config())) {
            IncomingMeasures backlog = upgraded.incoming();
            assertThat(oldRows(upgraded)).isZero();
            PendingMeasures pending = backlog.pending(metric);
            assertThat(pending.batches()).containsExactly(measures(0, 2), measures(10, 3), measures(20, 1));
            for (int i = 0; i < others.size(); i += 97) {
                UUID other = others.get(i);
                assertThat(backlog.pending(other).batches()).containsExactly(measures(i, 1));
                assertThat(backlog.metricsWithPending(backlog.sackOf(other), 10_000)).contains(other);
            }
            assertThat(backlog.summary().perMetric()).containsEntry(metric, 6L);
            assertThat(backlog.summary().perMetric().keySet()).containsAll(others);
        }
    }

    @Test
    void movingAgainAfterACrashLeavesOneCopy() {
        CassandraStorage storage = KEYSPACE.storage();
        IncomingMeasures incoming = storage.incoming();
        UUID metric = UUID.randomUUID();
        UUID batchId = Uuids.timeBased();
        writeOldRow(storage, metric, batchId, measures(0, 4));
        // What a move that crashed after writing the backlog and before deleting the old row leaves behind.
        incoming.addKeyed(List.of(new KeyedBatch(metric, batchId, measures(0, 4))));

        try (CassandraStorage upgraded = CassandraStorage.open(KEYSPACE.config())) {
            assertThat(upgraded.incoming().pending(metric).batches()).containsExactly(measures(0, 4));
            assertThat(oldRows(upgraded)).isZero();
        }
    }
}

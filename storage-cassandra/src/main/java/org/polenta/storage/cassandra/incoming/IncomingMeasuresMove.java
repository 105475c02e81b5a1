package org.polenta.storage.cassandra.incoming;

import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.storage.cassandra.codec.MeasureBatchCodec;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * Moves the backlog rows that versions before schema 011 left in incoming_measures into the current backlog.
 * Each row is written to the backlog under its own batch id before it is deleted from the old table: a crash in
 * between leaves a copy that the next move writes again, an upsert of the same pending row, or, if that row was
 * processed meanwhile, a batch processed a second time, which rewrites the same raw points. Nothing is lost.
 */
public final class IncomingMeasuresMove {

    /** Old rows read, moved and deleted at a time. */
    private static final int ROWS_PER_STEP = 500;

    private final IncomingMeasures backlog;
    private final PreparedQuery some;
    private final PreparedQuery delete;

    public IncomingMeasuresMove(Cql cql, IncomingMeasures backlog) {
        this.backlog = backlog;
        Cql.Queries queries = cql.queries("incoming_measures_legacy.cql");
        this.some = queries.get("some");
        this.delete = queries.get("delete");
    }

    /** Moves every row the old table holds now; returns how many it moved. */
    public long moveAll() {
        long moved = 0;
        while (true) {
            List<Row> rows = some.execute(ROWS_PER_STEP).all();
            if (rows.isEmpty()) {
                return moved;
            }
            List<KeyedBatch> batches = new ArrayList<>(rows.size());
            Map<Integer, List<Object[]>> deletesBySack = new HashMap<>();
            for (Row row : rows) {
                int sack = row.getInt("sack");
                UUID metricId = row.getUuid("metric_id");
                UUID batchId = row.getUuid("batch_id");
                ByteBuffer blob = row.getByteBuffer("measures");
                if (blob != null && blob.hasRemaining()) {
                    byte[] bytes = new byte[blob.remaining()];
                    blob.get(bytes);
                    batches.add(new KeyedBatch(metricId, batchId, MeasureBatchCodec.decode(bytes)));
                }
                deletesBySack.computeIfAbsent(sack, s -> new ArrayList<>())
                    .add(new Object[] {sack, metricId, batchId});
            }
            backlog.addKeyed(batches);
            for (List<Object[]> deletes : deletesBySack.values()) {
                delete.executeUnloggedBatch(deletes);
            }
            moved += rows.size();
        }
    }
}

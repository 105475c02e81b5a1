package org.polenta.storage.cassandra.points;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * Copies the aggregates that versions before schema 012 wrote (one partition per metric, method and granularity)
 * into aggregates_by_metric, once per keyspace, before the storage serves anything. Each row keeps its remaining
 * TTL and its write time: a copy made again after a crash writes the same cells, and a split rewritten since by
 * processing keeps its newer content. The move is recorded as done only after the last row is acknowledged.
 *
 * <p>Processes of an earlier version must be stopped before a process of this one opens the keyspace, as Gnocchi
 * wants its metricd stopped for gnocchi-upgrade: what they write to the old table after the move is not read.
 * The old table is left as it is; its rows expire with their TTLs.
 */
public final class AggregatesMove {

    static final String NAME = "aggregates-to-aggregates_by_metric";

    /** Old rows read per page. */
    private static final int PAGE_ROWS = 500;
    /**
     * Rows copied per single-partition batch at most: a split holds at most 3,600 points, about 32 KB encoded at
     * worst, so a batch stays near 3 MB, far below the 16 MiB mutation limit.
     */
    private static final int ROWS_PER_WRITE = 100;
    /** Batches sent before waiting for them: the copy reads on while a few pages' writes are in flight. */
    private static final int WRITES_IN_FLIGHT = 20;

    private final Cql cql;
    private final PreparedQuery all;
    private final PreparedQuery copy;
    private final PreparedQuery moveDone;
    private final PreparedQuery markMoveDone;

    public AggregatesMove(Cql cql) {
        this.cql = cql;
        Cql.Queries queries = cql.queries("aggregates_legacy.cql");
        this.all = queries.get("all");
        this.copy = queries.get("copy");
        this.moveDone = queries.get("moveDone");
        this.markMoveDone = queries.get("markMoveDone");
    }

    /** Copies every old row unless this keyspace's move is done already; returns how many rows it copied. */
    public long moveIfNeeded() {
        if (moveDone.execute(NAME).one() != null) {
            return 0;
        }
        long copied = 0;
        List<Supplier<CompletionStage<AsyncResultSet>>> writes = new ArrayList<>();
        List<BoundStatement> batch = new ArrayList<>();
        UUID batchMetric = null;
        for (Row row : all.executePaged(PAGE_ROWS)) {
            UUID metric = row.getUuid("metric_id");
            if (!batch.isEmpty() && (!metric.equals(batchMetric) || batch.size() >= ROWS_PER_WRITE)) {
                writes.add(writeOf(batch));
                batch = new ArrayList<>();
            }
            if (writes.size() >= WRITES_IN_FLIGHT) {
                BoundedAsync.runAll(writes);
                writes.clear();
            }
            batchMetric = metric;
            int ttl = row.isNull("ttl") ? 0 : row.getInt("ttl");
            batch.add(copy.bind(metric, row.getString("method"), row.getLong("granularity_nanos"),
                row.getLong("split"), row.getByteBuffer("points"), ttl, row.getLong("written")));
            copied++;
        }
        if (!batch.isEmpty()) {
            writes.add(writeOf(batch));
        }
        BoundedAsync.runAll(writes);
        markMoveDone.execute(NAME, Instant.now());
        return copied;
    }

    private Supplier<CompletionStage<AsyncResultSet>> writeOf(List<BoundStatement> rows) {
        List<BoundStatement> statements = List.copyOf(rows);
        return () -> cql.writeOnePartitionAsync(statements);
    }
}

package org.polenta.storage.cassandra.points;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.RunOutputStore;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;

/**
 * A processing run's splits, raw blocks and newest timestamp, written as one request when they fit one batch.
 * aggregates_by_metric, raw_points and raw_point_state are all keyed by the metric id, and Cassandra applies an
 * unlogged batch of one key as a single mutation: one commit-log entry, all of it durable or none. Measured with
 * bin/bench/MutationCost.java on this project's 2-core machines, three tables written under one key cost the
 * node 330-520 us of CPU as one batch against 810-900 us as three requests. A run too large for one batch (a
 * backfill) is written as before: the aggregates, then the raw points.
 */
public final class CassandraRunOutputStore implements RunOutputStore {

    private final Cql cql;
    private final CassandraAggregateStore aggregates;
    private final CassandraRawPointStore rawPoints;

    public CassandraRunOutputStore(Cql cql, CassandraAggregateStore aggregates, CassandraRawPointStore rawPoints) {
        this.cql = cql;
        this.aggregates = aggregates;
        this.rawPoints = rawPoints;
    }

    @Override
    public void store(UUID metricId, List<AggregateStore.SeriesWrite> writes, OptionalLong newestBefore,
                      Points points) {
        CassandraAggregateStore.PreparedSplits splits = aggregates.prepare(metricId, writes, newestBefore);
        if (points.isEmpty()) {
            aggregates.write(splits);
            return;
        }
        CassandraRawPointStore.PreparedBlocks blocks = rawPoints.prepare(metricId, points);
        if (!fitsOneBatch(splits, blocks)) {
            aggregates.write(splits);
            rawPoints.write(blocks);
            return;
        }
        List<BoundStatement> statements = new ArrayList<>(splits.statements());
        blocks.requests().forEach(statements::addAll);
        try {
            Supplier<CompletionStage<AsyncResultSet>> write = () -> cql.writeOnePartitionAsync(statements);
            BoundedAsync.runAll(List.of(write));
        } catch (RuntimeException e) {
            // Cassandra may or may not have applied the mutation.
            splits.settled(e);
            blocks.settled(e);
            throw e;
        }
        splits.settled(null);
        blocks.settled(null);
    }

    private static boolean fitsOneBatch(CassandraAggregateStore.PreparedSplits splits,
                                        CassandraRawPointStore.PreparedBlocks blocks) {
        int rows = splits.rows();
        for (List<BoundStatement> request : blocks.requests()) {
            rows += request.size();
        }
        return blocks.requests().size() <= 1 && rows <= CassandraAggregateStore.ROWS_PER_WRITE
            && splits.bytes() + blocks.bytes() <= CassandraAggregateStore.BYTES_PER_WRITE;
    }
}

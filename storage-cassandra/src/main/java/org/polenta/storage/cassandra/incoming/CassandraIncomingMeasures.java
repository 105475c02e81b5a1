package org.polenta.storage.cassandra.incoming;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.PendingMeasures;
import org.polenta.core.incoming.QuietSacks;
import org.polenta.storage.cassandra.codec.MeasureBatchCodec;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;
import org.polenta.storage.cassandra.cql.WriteChunks;

/**
 * The backlog in incoming_by_shard: one row per metric per add(), in the clustering range of the metric's sack,
 * in the partition of the sack's shard.
 */
public final class CassandraIncomingMeasures implements IncomingMeasures {

    /** Deletes per batch statement; keeps a removal well below batch_size_warn_threshold (64 KiB). */
    private static final int DELETES_PER_BATCH = 500;

    /**
     * Partitions of the backlog: a sack's rows live in partition {@code sack % SHARDS} (schema 011 says why).
     * Part of the stored layout: changing it hides the rows written before.
     */
    static final int SHARDS = 8;

    /** Rows per single-partition write, and the blob bytes one may carry beyond its first row (WriteChunks). */
    private static final int ROWS_PER_WRITE = 200;
    private static final int BYTES_PER_WRITE = 1 << 20;

    private final int sacks;
    private final PreparedQuery insert;
    private final PreparedQuery metricsOfSack;
    private final PreparedQuery batchesOfMetric;
    private final PreparedQuery deleteBatch;
    private final PreparedQuery countsOfSack;
    private final SackActivity activity;
    /** The sacks /v1/status found empty: it reads them again only once a writer announces them. */
    private final QuietSacks quietForStatus;
    private final LongSupplier clockMillis;

    public CassandraIncomingMeasures(Cql cql, int sacks) {
        this(cql, sacks, System::currentTimeMillis);
    }

    public CassandraIncomingMeasures(Cql cql, int sacks, LongSupplier clockMillis) {
        if (sacks < 1) {
            throw new IllegalArgumentException("sacks must be at least 1");
        }
        this.sacks = sacks;
        this.clockMillis = clockMillis;
        this.activity = new SackActivity(cql, sacks, clockMillis);
        this.quietForStatus = new QuietSacks(sacks);
        Cql.Queries queries = cql.queries("incoming_measures.cql");
        insert = queries.get("insert");
        metricsOfSack = queries.get("metricsOfSack");
        batchesOfMetric = queries.get("batchesOfMetric");
        deleteBatch = queries.get("deleteBatch");
        countsOfSack = queries.get("countsOfSack");
    }

    @Override
    public int sackCount() {
        return sacks;
    }

    /**
     * Writes one row per metric, the rows of a shard together ({@link #writeByShard}), and returns only once all
     * are acknowledged.
     */
    @Override
    public void add(Map<UUID, List<Measure>> measuresByMetric) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<UUID, List<Measure>> e : measuresByMetric.entrySet()) {
            if (!e.getValue().isEmpty()) {
                rows.add(row(e.getKey(), Uuids.timeBased(), e.getValue()));
            }
        }
        writeByShard(rows);
    }

    /**
     * The row key is (shard, sack, metric, batch key): writing a batch again is an upsert of the same row, so a
     * pending batch is never doubled. Written as {@link #add} writes; returns only once all are acknowledged.
     */
    @Override
    public void addKeyed(Collection<KeyedBatch> batches) {
        List<Object[]> rows = new ArrayList<>();
        for (KeyedBatch batch : batches) {
            if (!batch.measures().isEmpty()) {
                rows.add(row(batch.metricId(), batch.key(), batch.measures()));
            }
        }
        writeByShard(rows);
    }

    private Object[] row(UUID metricId, UUID batchId, List<Measure> measures) {
        int sack = sackOf(metricId);
        ByteBuffer blob = ByteBuffer.wrap(MeasureBatchCodec.encode(measures));
        return new Object[] {shardOf(sack), sack, metricId, batchId, measures.size(), blob};
    }

    /**
     * Announces the rows' sacks, then writes the rows of each shard as unlogged batches of that one partition,
     * which Cassandra applies as single mutations, all in parallel. A batch holds at most {@link #ROWS_PER_WRITE}
     * rows and, beyond its first row, {@link #BYTES_PER_WRITE} of blobs.
     */
    private void writeByShard(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<Integer, List<Object[]>> rowsByShard = new HashMap<>();
        Set<Integer> sacksWritten = new HashSet<>();
        for (Object[] row : rows) {
            rowsByShard.computeIfAbsent((Integer) row[0], s -> new ArrayList<>()).add(row);
            sacksWritten.add((Integer) row[1]);
        }
        List<Supplier<CompletionStage<AsyncResultSet>>> writes = new ArrayList<>();
        for (List<Object[]> shardRows : rowsByShard.values()) {
            for (List<Object[]> chunk : WriteChunks.of(shardRows, ROWS_PER_WRITE, BYTES_PER_WRITE,
                    row -> ((ByteBuffer) row[5]).remaining())) {
                writes.add(() -> insert.executeUnloggedBatchAsync(chunk));
            }
        }
        activity.announce(sacksWritten);
        BoundedAsync.runAll(writes);
    }

    @Override
    public Set<UUID> metricsWithPending(int sack, int limit) {
        Set<UUID> metrics = new LinkedHashSet<>();
        if (limit <= 0) {
            return metrics;
        }
        for (Row row : metricsOfSack.execute(shardOf(sack), sack, limit)) {
            metrics.add(row.getUuid(0));
        }
        return metrics;
    }

    @Override
    public PendingMeasures pending(UUID metricId) {
        List<Object> batchIds = new ArrayList<>();
        List<List<Measure>> batches = new ArrayList<>();
        int sack = sackOf(metricId);
        for (Row row : batchesOfMetric.execute(shardOf(sack), sack, metricId)) {
            batchIds.add(row.getUuid("batch_id"));
            ByteBuffer blob = row.getByteBuffer("measures");
            byte[] bytes = new byte[blob.remaining()];
            blob.get(bytes);
            batches.add(MeasureBatchCodec.decode(bytes));
        }
        return new PendingMeasures(metricId, batchIds, batches);
    }

    /** Deletes each processed row by its full key: a batch added meanwhile has another batch id and stays. */
    @Override
    public void remove(PendingMeasures processed) {
        int sack = sackOf(processed.metricId());
        List<Object[]> rows = new ArrayList<>();
        for (Object batchId : processed.batchIds()) {
            rows.add(new Object[] {shardOf(sack), sack, processed.metricId(), batchId});
            if (rows.size() == DELETES_PER_BATCH) {
                deleteBatch.executeUnloggedBatch(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            deleteBatch.executeUnloggedBatch(rows);
        }
    }

    static int shardOf(int sack) {
        return sack % SHARDS;
    }

    @Override
    public long[] activeUntil() {
        return activity.activeUntil();
    }

    /**
     * Reads the per-row counts of the sacks in parallel, one partition per sack, no blob decoded; a sack found
     * empty before is read again only once a writer has announced it since ({@link QuietSacks}).
     */
    @Override
    public BacklogSummary summary() {
        long startedAt = clockMillis.getAsLong();
        long[] activeUntil = activity.activeUntil();
        List<Integer> looked = new ArrayList<>();
        List<Supplier<CompletionStage<Map<UUID, Long>>>> reads = new ArrayList<>();
        for (int sack = 0; sack < sacks; sack++) {
            if (!quietForStatus.mustLook(sack, activeUntil[sack], startedAt)) {
                continue;
            }
            int s = sack;
            looked.add(sack);
            reads.add(() -> countsOfSack.executeAsync(shardOf(s), s)
                .thenCompose(page -> countAll(page, new HashMap<>())));
        }
        Map<UUID, Long> perMetric = new HashMap<>();
        List<Map<UUID, Long>> countsBySack = BoundedAsync.runAll(reads);
        for (int i = 0; i < looked.size(); i++) {
            Map<UUID, Long> counts = countsBySack.get(i);
            quietForStatus.looked(looked.get(i), startedAt, counts.isEmpty());
            counts.forEach((metric, count) -> perMetric.merge(metric, count, Long::sum));
        }
        long measures = perMetric.values().stream().mapToLong(Long::longValue).sum();
        return new BacklogSummary(perMetric.size(), measures, perMetric);
    }

    private static CompletableFuture<Map<UUID, Long>> countAll(AsyncResultSet page, Map<UUID, Long> counts) {
        for (Row row : page.currentPage()) {
            counts.merge(row.getUuid(0), (long) row.getInt(1), Long::sum);
        }
        if (page.hasMorePages()) {
            return page.fetchNextPage().toCompletableFuture().thenCompose(next -> countAll(next, counts));
        }
        return CompletableFuture.completedFuture(counts);
    }
}

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

/** The backlog in incoming_measures: one row per metric per add(), in the partition of the metric's sack. */
public final class CassandraIncomingMeasures implements IncomingMeasures {

    /** Deletes per batch statement; keeps a removal well below batch_size_warn_threshold (64 KiB). */
    private static final int DELETES_PER_BATCH = 500;

    /**
     * Keyed rows per single-partition write, and the measures they may hold at most: keeps a write far below
     * batch_size_warn_threshold (64 KiB; a measure takes at most ~17 bytes encoded).
     */
    private static final int ROWS_PER_KEYED_WRITE = 200;
    private static final int MEASURES_PER_KEYED_WRITE = 2_000;

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

    /** Writes every metric's batch in parallel and returns only once all are acknowledged. */
    @Override
    public void add(Map<UUID, List<Measure>> measuresByMetric) {
        List<Supplier<CompletionStage<AsyncResultSet>>> writes = new ArrayList<>();
        Set<Integer> sacksWritten = new HashSet<>();
        for (Map.Entry<UUID, List<Measure>> e : measuresByMetric.entrySet()) {
            List<Measure> measures = e.getValue();
            if (measures.isEmpty()) {
                continue;
            }
            UUID metricId = e.getKey();
            sacksWritten.add(sackOf(metricId));
            ByteBuffer blob = ByteBuffer.wrap(MeasureBatchCodec.encode(measures));
            writes.add(() -> insert.executeAsync(sackOf(metricId), metricId, Uuids.timeBased(), measures.size(), blob));
        }
        activity.announce(sacksWritten);
        BoundedAsync.runAll(writes);
    }

    /**
     * The row key is (sack, metric, batch key): writing a batch again is an upsert of the same row, so a pending
     * batch is never doubled. Keyed batches tend to be many and small (one per bus sample), so the rows of one
     * sack go as unlogged batches of that one partition (each applied as a single mutation), in parallel;
     * returns only once all are acknowledged.
     */
    @Override
    public void addKeyed(Collection<KeyedBatch> batches) {
        Map<Integer, List<Object[]>> rowsBySack = new HashMap<>();
        for (KeyedBatch batch : batches) {
            if (!batch.measures().isEmpty()) {
                int sack = sackOf(batch.metricId());
                ByteBuffer blob = ByteBuffer.wrap(MeasureBatchCodec.encode(batch.measures()));
                rowsBySack.computeIfAbsent(sack, s -> new ArrayList<>())
                    .add(new Object[] {sack, batch.metricId(), batch.key(), batch.measures().size(), blob});
            }
        }
        List<Supplier<CompletionStage<AsyncResultSet>>> writes = new ArrayList<>();
        for (List<Object[]> rows : rowsBySack.values()) {
            List<Object[]> chunk = new ArrayList<>();
            int measures = 0;
            for (Object[] row : rows) {
                chunk.add(row);
                measures += (Integer) row[3];
                if (chunk.size() >= ROWS_PER_KEYED_WRITE || measures >= MEASURES_PER_KEYED_WRITE) {
                    List<Object[]> full = chunk;
                    writes.add(() -> insert.executeUnloggedBatchAsync(full));
                    chunk = new ArrayList<>();
                    measures = 0;
                }
            }
            if (!chunk.isEmpty()) {
                List<Object[]> last = chunk;
                writes.add(() -> insert.executeUnloggedBatchAsync(last));
            }
        }
        activity.announce(rowsBySack.keySet());
        BoundedAsync.runAll(writes);
    }

    @Override
    public Set<UUID> metricsWithPending(int sack, int limit) {
        Set<UUID> metrics = new LinkedHashSet<>();
        if (limit <= 0) {
            return metrics;
        }
        for (Row row : metricsOfSack.execute(sack, limit)) {
            metrics.add(row.getUuid(0));
        }
        return metrics;
    }

    @Override
    public PendingMeasures pending(UUID metricId) {
        List<Object> batchIds = new ArrayList<>();
        List<List<Measure>> batches = new ArrayList<>();
        for (Row row : batchesOfMetric.execute(sackOf(metricId), metricId)) {
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
            rows.add(new Object[] {sack, processed.metricId(), batchId});
            if (rows.size() == DELETES_PER_BATCH) {
                deleteBatch.executeUnloggedBatch(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            deleteBatch.executeUnloggedBatch(rows);
        }
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
            reads.add(() -> countsOfSack.executeAsync(s).thenCompose(page -> countAll(page, new HashMap<>())));
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

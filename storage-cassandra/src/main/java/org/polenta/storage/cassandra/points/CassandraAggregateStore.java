package org.polenta.storage.cassandra.points;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SplitAlias;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;
import org.polenta.storage.cassandra.cql.WriteChunks;

/**
 * Aggregated series in the aggregates_by_metric table, one partition per metric, cut into splits (see
 * {@link SplitLayout}), each a SeriesCodec blob with timestamps counted in granularity units, or a
 * {@link SplitAlias} of another method's split at the same index when writeAll found the two bitwise equal (see
 * {@link SplitGroupEncoder}). Expiry is by TTL only, never by DELETE.
 *
 * <p>write() is a read-modify-write of the affected splits; like Gnocchi's metricd it relies on one processor
 * per metric at a time (sack leases), not on Cassandra, to serialise writers of a series. The read is skipped
 * when the split is in the {@link HeldStateCache}: this instance wrote it last, within its hold of the sack.
 *
 * <p>Aliases are made only among the series of one writeAll, which the processor calls with every series of the
 * metric's policy. A series written on its own later (write) never becomes an alias, but if it is the split an
 * alias stands for, the alias follows it: writing a subset of a policy's methods is for tests, not processing.
 */
public final class CassandraAggregateStore implements AggregateStore {

    /** Split rows per single-partition write, and the blob bytes one may carry beyond its first row (WriteChunks). */
    static final int ROWS_PER_WRITE = 500;
    static final int BYTES_PER_WRITE = 1 << 20;

    private final Cql cql;
    private final PreparedQuery write;
    private final PreparedQuery split;
    private final PreparedQuery splitsBetween;
    private final PreparedQuery splitsBetweenOfSeveral;
    private final PreparedQuery splitsIn;
    private final HeldStateCache cache;

    public CassandraAggregateStore(Cql cql) {
        this(cql, HeldStateCache.DISABLED);
    }

    public CassandraAggregateStore(Cql cql, HeldStateCache cache) {
        this.cql = cql;
        this.cache = cache;
        Cql.Queries queries = cql.queries("aggregates.cql");
        write = queries.get("write");
        split = queries.get("split");
        splitsBetween = queries.get("splitsBetween");
        splitsBetweenOfSeveral = queries.get("splitsBetweenOfSeveral");
        splitsIn = queries.get("splitsIn");
    }

    @Override
    public Points read(UUID metricId, Aggregation aggregation, long from, long to) {
        if (from >= to) {
            return Points.EMPTY;
        }
        long granularity = aggregation.granularityNanos();
        List<StoredSplit> splits = new ArrayList<>();
        for (Row row : splitsBetween.execute(metricId, aggregation.method(), granularity, firstSplit(from, granularity),
                lastSplit(to, granularity))) {
            splits.add(stored(row));
        }
        Map<AliasedSplits.Target, StoredSplit> targets = new HashMap<>();
        for (Map.Entry<String, SortedSet<Long>> t : AliasedSplits.targetsOf(splits).entrySet()) {
            for (Row row : splitsIn.execute(metricId, t.getKey(), granularity, List.copyOf(t.getValue()))) {
                targets.put(new AliasedSplits.Target(metricId, t.getKey(), row.getLong("split")), stored(row));
            }
        }
        return joined(AliasedSplits.resolve(metricId, splits, targets), from, to);
    }

    /** {@link #read} with the driver's asynchronous API: no thread waits while Cassandra answers. */
    @Override
    public CompletableFuture<Points> readAsync(UUID metricId, Aggregation aggregation, long from, long to) {
        if (from >= to) {
            return CompletableFuture.completedFuture(Points.EMPTY);
        }
        long granularity = aggregation.granularityNanos();
        List<StoredSplit> splits = new ArrayList<>();
        Map<AliasedSplits.Target, StoredSplit> targets = new ConcurrentHashMap<>();
        return splitsBetween.executeAsync(metricId, aggregation.method(), granularity, firstSplit(from, granularity),
                lastSplit(to, granularity))
            .thenCompose(page -> collect(page, splits))
            .thenCompose(done -> {
                List<CompletableFuture<Void>> reads = new ArrayList<>();
                AliasedSplits.targetsOf(splits).forEach((method, indexes) -> reads.add(
                    splitsIn.executeAsync(metricId, method, granularity, List.copyOf(indexes))
                        .thenCompose(page -> collectTargets(page, metricId, method, targets)).toCompletableFuture()));
                return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new));
            })
            .thenApply(done -> joined(AliasedSplits.resolve(metricId, splits, targets), from, to))
            .toCompletableFuture();
    }

    /**
     * {@link #readAsync} of several metrics, IN_LIMIT per request, every request at once: an aggregates request's
     * ten series are one request instead of ten. The splits that aliases stand for are then read the same way,
     * per target method.
     */
    @Override
    public CompletableFuture<List<Points>> readAllAsync(List<UUID> metricIds, Aggregation aggregation, long from,
                                                        long to) {
        if (from >= to || metricIds.isEmpty()) {
            return CompletableFuture.completedFuture(Collections.nCopies(metricIds.size(), Points.EMPTY));
        }
        long granularity = aggregation.granularityNanos();
        long first = firstSplit(from, granularity);
        long last = lastSplit(to, granularity);
        Map<UUID, List<StoredSplit>> splits = new ConcurrentHashMap<>();
        Map<AliasedSplits.Target, StoredSplit> targets = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        // Each metric in one request only: its rows then arrive in order, appended by one thread.
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(metricIds));
        for (int at = 0; at < distinct.size(); at += IN_LIMIT) {
            List<UUID> some = distinct.subList(at, Math.min(distinct.size(), at + IN_LIMIT));
            reads.add(splitsBetweenOfSeveral.executeAsync(some, aggregation.method(), granularity, first, last)
                .thenCompose(page -> collectByMetric(page, splits)).toCompletableFuture());
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
            .thenCompose(done -> readTargetsOfSeveral(splits, granularity, targets))
            .thenApply(done -> {
                List<Points> series = new ArrayList<>(metricIds.size());
                for (UUID id : metricIds) {
                    List<StoredSplit> own = splits.getOrDefault(id, List.of());
                    series.add(joined(AliasedSplits.resolve(id, own, targets), from, to));
                }
                return series;
            });
    }

    /** At most this many metrics in one IN: Cassandra's coordinator holds the whole answer of one request. */
    static final int IN_LIMIT = 32;

    /** Per target method, the metrics whose aliases need it, IN_LIMIT a request, between their lowest and highest. */
    private CompletableFuture<Void> readTargetsOfSeveral(Map<UUID, List<StoredSplit>> splits, long granularity,
                                                         Map<AliasedSplits.Target, StoredSplit> targets) {
        Map<String, Map<UUID, SortedSet<Long>>> needed = new TreeMap<>();
        splits.forEach((id, own) -> AliasedSplits.targetsOf(own).forEach((method, indexes) ->
            needed.computeIfAbsent(method, m -> new TreeMap<>()).put(id, indexes)));
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        needed.forEach((method, byMetric) -> {
            List<UUID> ids = List.copyOf(byMetric.keySet());
            for (int at = 0; at < ids.size(); at += IN_LIMIT) {
                List<UUID> some = ids.subList(at, Math.min(ids.size(), at + IN_LIMIT));
                SortedSet<Long> indexes = new TreeSet<>();
                some.forEach(id -> indexes.addAll(byMetric.get(id)));
                reads.add(splitsBetweenOfSeveral.executeAsync(some, method, granularity, indexes.first(),
                        indexes.last())
                    .thenCompose(page -> collectTargets(page, null, method, targets)).toCompletableFuture());
            }
        });
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new));
    }

    private static long firstSplit(long from, long granularity) {
        return from == Long.MIN_VALUE ? Long.MIN_VALUE : SplitLayout.splitOf(from, granularity);
    }

    private static long lastSplit(long to, long granularity) {
        return to == Long.MAX_VALUE ? Long.MAX_VALUE : SplitLayout.splitOf(to - 1, granularity);
    }

    private static Points joined(List<Points> parts, long from, long to) {
        return parts.isEmpty() ? Points.EMPTY : PointsMerge.concat(parts).slice(from, to);
    }

    private static StoredSplit stored(Row row) {
        return StoredSplit.of(row.getLong("split"), Blobs.bytes(row.getByteBuffer("points")));
    }

    // A page's rows are in split order within each metric's partition; several requests fill the map at once.
    private static CompletionStage<Void> collectByMetric(AsyncResultSet page, Map<UUID, List<StoredSplit>> splits) {
        for (Row row : page.currentPage()) {
            splits.computeIfAbsent(row.getUuid("metric_id"), id -> new ArrayList<>()).add(stored(row));
        }
        return page.hasMorePages() ? page.fetchNextPage().thenCompose(next -> collectByMetric(next, splits))
            : CompletableFuture.completedFuture(null);
    }

    private static CompletionStage<Void> collect(AsyncResultSet page, List<StoredSplit> splits) {
        for (Row row : page.currentPage()) {
            splits.add(stored(row));
        }
        return page.hasMorePages() ? page.fetchNextPage().thenCompose(next -> collect(next, splits))
            : CompletableFuture.completedFuture(null);
    }

    /** Rows of {@code method}'s series: of {@code metricId}, or when that is null, of the metric each row names. */
    private static CompletionStage<Void> collectTargets(AsyncResultSet page, UUID metricId, String method,
                                                        Map<AliasedSplits.Target, StoredSplit> targets) {
        for (Row row : page.currentPage()) {
            UUID id = metricId != null ? metricId : row.getUuid("metric_id");
            targets.put(new AliasedSplits.Target(id, method, row.getLong("split")), stored(row));
        }
        return page.hasMorePages()
            ? page.fetchNextPage().thenCompose(next -> collectTargets(next, metricId, method, targets))
            : CompletableFuture.completedFuture(null);
    }

    /**
     * The TTL is the item's timespan plus one split span: a split is rewritten until its last bucket is
     * written, and must not expire while its first bucket is still inside the timespan.
     */
    @Override
    public void write(UUID metricId, Aggregation aggregation, Points buckets, int ttlSeconds) {
        writeAll(metricId, List.of(new SeriesWrite(aggregation, buckets, ttlSeconds)));
    }

    /**
     * Every split of every series is merged concurrently: a processing run waits for a round trip or two, not 15.
     * The merged splits are then written as one mutation of the metric's partition (schema 012), so that a run
     * costs Cassandra one partition write, not one per method, granularity and split.
     *
     * <p>An alias must never be readable before the split it stands for holds this run's content: if that write
     * failed, the alias would show the target's old content, and the rerun of the failed run would merge its
     * buckets into that, keeping the target's values in every bucket it does not touch. A single-partition batch
     * is applied atomically, so full blobs and aliases that fit in one are written together; a run too large for
     * one writes every full blob before any alias. The other way round is harmless: a method left as an alias of a
     * base that was rewritten, because its own full blob failed, differs from its due content only in buckets this
     * run touched, which the rerun (the caller redoes a failed run whole) writes again.
     */
    @Override
    public void writeAll(UUID metricId, List<SeriesWrite> writes) {
        writeSplits(metricId, writes, split -> false);
    }

    /** A split past the one holding {@code newestBefore}'s bucket is written without being read first. */
    @Override
    public void writeAll(UUID metricId, List<SeriesWrite> writes, OptionalLong newestBefore) {
        write(prepare(metricId, writes, newestBefore));
    }

    private void writeSplits(UUID metricId, List<SeriesWrite> writes, Predicate<SplitWrite> nothingStored) {
        write(prepare(metricId, writes, nothingStored));
    }

    /** The run's splits merged and encoded, for {@link CassandraRunOutputStore}; nothing is written yet. */
    PreparedSplits prepare(UUID metricId, List<SeriesWrite> writes, OptionalLong newestBefore) {
        return prepare(metricId, writes, split -> newestBefore.isEmpty()
            || split.index() > SplitLayout.splitOf(newestBefore.getAsLong(), split.granularity()));
    }

    private PreparedSplits prepare(UUID metricId, List<SeriesWrite> writes, Predicate<SplitWrite> nothingStored) {
        long tenure = cache.tenureOf(metricId);
        long since = cache.now();
        List<Supplier<CompletionStage<List<SplitRow>>>> merges = new ArrayList<>();
        int widest = 1;
        for (SplitWrite splitWrite : SplitWrite.of(writes)) {
            boolean empty = nothingStored.test(splitWrite);
            merges.add(() -> merge(metricId, splitWrite, tenure, empty));
            widest = Math.max(widest, splitWrite.buckets().size());
        }
        // Each merge has a read per method in flight: the bound stays the driver-safe one in requests.
        int maxInFlight = Math.max(1, BoundedAsync.DEFAULT_MAX_IN_FLIGHT / widest);
        List<SplitRow> full = new ArrayList<>();
        List<SplitRow> aliases = new ArrayList<>();
        for (List<SplitRow> rows : BoundedAsync.runAll(merges, maxInFlight)) {
            for (SplitRow row : rows) {
                (row.encoded().alias() ? aliases : full).add(row);
            }
        }
        return new PreparedSplits(metricId, full, aliases, tenure, since);
    }

    /** Writes the splits: in one single-partition batch when they fit, else every full blob before any alias. */
    void write(PreparedSplits splits) {
        if (splits.fitsOneWrite()) {
            writeRows(splits, List.of(splits.all()));
        } else {
            writeRows(splits, chunks(splits.full()));
            writeRows(splits, chunks(splits.aliases()));
        }
    }

    /** One split of one method as a run writes it. */
    private record SplitRow(SplitWrite splitWrite, SplitGroupEncoder.EncodedSplit encoded, int ttl) {
    }

    /** A run's split rows, merged and encoded but not written, and what the cache needs once they are. */
    final class PreparedSplits {
        private final UUID metricId;
        private final List<SplitRow> full;
        private final List<SplitRow> aliases;
        /** Full blobs first, then aliases: the order of one batch. */
        private final List<SplitRow> all;
        private final long tenure;
        private final long since;

        private PreparedSplits(UUID metricId, List<SplitRow> full, List<SplitRow> aliases, long tenure, long since) {
            this.metricId = metricId;
            this.full = full;
            this.aliases = aliases;
            this.all = new ArrayList<>(full);
            this.all.addAll(aliases);
            this.tenure = tenure;
            this.since = since;
        }

        private List<SplitRow> full() {
            return full;
        }

        private List<SplitRow> aliases() {
            return aliases;
        }

        private List<SplitRow> all() {
            return all;
        }

        boolean fitsOneWrite() {
            return chunks(all()).size() <= 1;
        }

        int rows() {
            return all.size();
        }

        long bytes() {
            long bytes = 0;
            for (SplitRow row : all()) {
                bytes += row.encoded().blob().length;
            }
            return bytes;
        }

        /** Every row, as statements of the metric's partition, full blobs first. */
        List<BoundStatement> statements() {
            return CassandraAggregateStore.this.statements(metricId, all());
        }

        /** Tells the cache how a write of {@link #statements()} ended. */
        void settled(Throwable error) {
            CassandraAggregateStore.this.settled(metricId, all(), tenure, since, error);
        }
    }

    /** Rows in groups of at most {@link #ROWS_PER_WRITE}, each within {@link #BYTES_PER_WRITE} beyond its first. */
    private static List<List<SplitRow>> chunks(List<SplitRow> rows) {
        return WriteChunks.of(rows, ROWS_PER_WRITE, BYTES_PER_WRITE, row -> row.encoded().blob().length);
    }

    /** Writes each group as one single-partition batch, all groups at once; returns when all are acknowledged. */
    private void writeRows(PreparedSplits splits, List<List<SplitRow>> groups) {
        List<Supplier<CompletionStage<AsyncResultSet>>> batches = new ArrayList<>();
        for (List<SplitRow> group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            List<BoundStatement> statements = statements(splits.metricId, group);
            batches.add(() -> cql.writeOnePartitionAsync(statements).whenComplete((done, error) ->
                settled(splits.metricId, group, splits.tenure, splits.since, error)));
        }
        BoundedAsync.runAll(batches);
    }

    private List<BoundStatement> statements(UUID metricId, List<SplitRow> rows) {
        List<BoundStatement> statements = new ArrayList<>(rows.size());
        for (SplitRow row : rows) {
            SplitWrite splitWrite = row.splitWrite();
            statements.add(write.bind(metricId, row.encoded().method(), splitWrite.granularity(),
                splitWrite.index(), ByteBuffer.wrap(row.encoded().blob()), row.ttl()));
        }
        return statements;
    }

    /** Caches what was written; forgets what may or may not have been. */
    private void settled(UUID metricId, List<SplitRow> rows, long tenure, long since, Throwable error) {
        for (SplitRow row : rows) {
            HeldStateCache.Key key = keyOf(metricId, row.splitWrite(), row.encoded().method());
            if (error == null) {
                cache.put(key, tenure, row.encoded().blob(), 0, row.ttl(), since);
            } else {
                cache.forget(key);
            }
        }
    }

    /** Merges one split of every method written and encodes it, aliases included; writes nothing. */
    private CompletionStage<List<SplitRow>> merge(UUID metricId, SplitWrite splitWrite, long tenure,
                                                  boolean nothingStored) {
        Map<String, CompletableFuture<byte[]>> stored = new HashMap<>();
        splitWrite.buckets().keySet().forEach(method -> stored.put(method, nothingStored
            ? CompletableFuture.completedFuture(null) : storedBlob(metricId, splitWrite, method, tenure)));
        Map<String, CompletableFuture<Points>> merged = new TreeMap<>();
        splitWrite.buckets().forEach((method, buckets) -> merged.put(method,
            storedPoints(metricId, splitWrite, method, stored, tenure)
                .thenApply(old -> PointsMerge.overlay(old, buckets))));
        return CompletableFuture.allOf(merged.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            SortedMap<String, Points> splits = new TreeMap<>();
            merged.forEach((method, points) -> splits.put(method, points.join()));
            int ttl = splitWrite.ttlSeconds() <= 0 ? 0
                : Ttl.of(splitWrite.ttlSeconds() + SplitLayout.spanSeconds(splitWrite.granularity()));
            List<SplitRow> rows = new ArrayList<>();
            for (SplitGroupEncoder.EncodedSplit encoded : SplitGroupEncoder.encode(splits, splitWrite.granularity())) {
                rows.add(new SplitRow(splitWrite, encoded, ttl));
            }
            return rows;
        });
    }

    /**
     * The method's split as stored before this run: an alias is resolved against its target's stored split, the
     * one this run fetched when the target is written too, else read on its own.
     */
    private CompletableFuture<Points> storedPoints(UUID metricId, SplitWrite splitWrite, String method,
                                                   Map<String, CompletableFuture<byte[]>> stored, long tenure) {
        return stored.get(method).thenCompose(blob -> {
            if (!SplitAlias.isAlias(blob)) {
                return CompletableFuture.completedFuture(StoredSplit.pointsOf(blob));
            }
            String target = SplitAlias.targetOf(blob);
            CompletableFuture<byte[]> targetBlob = stored.containsKey(target) ? stored.get(target)
                : storedBlob(metricId, splitWrite, target, tenure);
            return targetBlob.thenApply(StoredSplit::pointsOf);
        });
    }

    /** The split's blob as cached or read (null: no row). */
    private CompletableFuture<byte[]> storedBlob(UUID metricId, SplitWrite splitWrite, String method, long tenure) {
        HeldStateCache.Entry cached = cache.get(keyOf(metricId, splitWrite, method), tenure);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached.blob());
        }
        return split.executeAsync(metricId, method, splitWrite.granularity(), splitWrite.index())
            .thenApply(existing -> {
                Row row = existing.one();
                return row == null ? null : Blobs.bytes(row.getByteBuffer("points"));
            }).toCompletableFuture();
    }

    private static HeldStateCache.Key keyOf(UUID metricId, SplitWrite splitWrite, String method) {
        return new HeldStateCache.Key(metricId, method, splitWrite.granularity(), splitWrite.index());
    }
}

package org.polenta.storage.cassandra.points;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SeriesCodec;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * Aggregated series in the aggregates table, cut into splits (see {@link SplitLayout}), each a SeriesCodec
 * blob with timestamps counted in granularity units. Expiry is by TTL only, never by DELETE.
 *
 * <p>write() is a read-modify-write of the affected splits; like Gnocchi's metricd it relies on one processor
 * per metric at a time (sack leases), not on Cassandra, to serialise writers of a series. The read is skipped
 * when the split is in the {@link HeldStateCache}: this instance wrote it last, within its hold of the sack.
 */
public final class CassandraAggregateStore implements AggregateStore {

    private final PreparedQuery write;
    private final PreparedQuery split;
    private final PreparedQuery splitsBetween;
    private final PreparedQuery splitsBetweenOfSeveral;
    private final HeldStateCache cache;

    public CassandraAggregateStore(Cql cql) {
        this(cql, HeldStateCache.DISABLED);
    }

    public CassandraAggregateStore(Cql cql, HeldStateCache cache) {
        this.cache = cache;
        Cql.Queries queries = cql.queries("aggregates.cql");
        write = queries.get("write");
        split = queries.get("split");
        splitsBetween = queries.get("splitsBetween");
        splitsBetweenOfSeveral = queries.get("splitsBetweenOfSeveral");
    }

    @Override
    public Points read(UUID metricId, Aggregation aggregation, long from, long to) {
        if (from >= to) {
            return Points.EMPTY;
        }
        long granularity = aggregation.granularityNanos();
        long first = from == Long.MIN_VALUE ? Long.MIN_VALUE : SplitLayout.splitOf(from, granularity);
        long last = to == Long.MAX_VALUE ? Long.MAX_VALUE : SplitLayout.splitOf(to - 1, granularity);
        List<Points> parts = new ArrayList<>();
        for (Row row : splitsBetween.execute(metricId, aggregation.method(), granularity, first, last)) {
            parts.add(Blobs.decode(row.getByteBuffer("points")));
        }
        if (parts.isEmpty()) {
            return Points.EMPTY;
        }
        return PointsMerge.concat(parts).slice(from, to);
    }

    /** {@link #read} with the driver's asynchronous API: no thread waits while Cassandra answers. */
    @Override
    public CompletableFuture<Points> readAsync(UUID metricId, Aggregation aggregation, long from, long to) {
        if (from >= to) {
            return CompletableFuture.completedFuture(Points.EMPTY);
        }
        long granularity = aggregation.granularityNanos();
        long first = from == Long.MIN_VALUE ? Long.MIN_VALUE : SplitLayout.splitOf(from, granularity);
        long last = to == Long.MAX_VALUE ? Long.MAX_VALUE : SplitLayout.splitOf(to - 1, granularity);
        List<Points> parts = new ArrayList<>();
        return splitsBetween.executeAsync(metricId, aggregation.method(), granularity, first, last)
            .thenCompose(page -> collect(page, parts))
            .thenApply(done -> parts.isEmpty() ? Points.EMPTY : PointsMerge.concat(parts).slice(from, to))
            .toCompletableFuture();
    }

    /**
     * {@link #readAsync} of several metrics, IN_LIMIT per request, every request at once: an aggregates request's
     * ten series are one request instead of ten.
     */
    @Override
    public CompletableFuture<List<Points>> readAllAsync(List<UUID> metricIds, Aggregation aggregation, long from,
                                                        long to) {
        if (from >= to || metricIds.isEmpty()) {
            return CompletableFuture.completedFuture(Collections.nCopies(metricIds.size(), Points.EMPTY));
        }
        long granularity = aggregation.granularityNanos();
        long first = from == Long.MIN_VALUE ? Long.MIN_VALUE : SplitLayout.splitOf(from, granularity);
        long last = to == Long.MAX_VALUE ? Long.MAX_VALUE : SplitLayout.splitOf(to - 1, granularity);
        Map<UUID, List<Points>> parts = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        // Each metric in one request only: its rows then arrive in order, appended by one thread.
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(metricIds));
        for (int at = 0; at < distinct.size(); at += IN_LIMIT) {
            List<UUID> some = distinct.subList(at, Math.min(distinct.size(), at + IN_LIMIT));
            reads.add(splitsBetweenOfSeveral.executeAsync(some, aggregation.method(), granularity, first, last)
                .thenCompose(page -> collectByMetric(page, parts)).toCompletableFuture());
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Points> series = new ArrayList<>(metricIds.size());
            for (UUID id : metricIds) {
                List<Points> own = parts.get(id);
                series.add(own == null ? Points.EMPTY : PointsMerge.concat(own).slice(from, to));
            }
            return series;
        });
    }

    /** At most this many metrics in one IN: Cassandra's coordinator holds the whole answer of one request. */
    static final int IN_LIMIT = 32;

    // A page's rows are in split order within each metric's partition; several requests fill the map at once.
    private static CompletionStage<Void> collectByMetric(AsyncResultSet page, Map<UUID, List<Points>> parts) {
        for (Row row : page.currentPage()) {
            parts.computeIfAbsent(row.getUuid("metric_id"), id -> new ArrayList<>())
                .add(Blobs.decode(row.getByteBuffer("points")));
        }
        return page.hasMorePages() ? page.fetchNextPage().thenCompose(next -> collectByMetric(next, parts))
            : CompletableFuture.completedFuture(null);
    }

    private static CompletionStage<Void> collect(AsyncResultSet page, List<Points> parts) {
        for (Row row : page.currentPage()) {
            parts.add(Blobs.decode(row.getByteBuffer("points")));
        }
        return page.hasMorePages() ? page.fetchNextPage().thenCompose(next -> collect(next, parts))
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

    /** Every split of every series is merged concurrently: a processing run waits for one round trip, not 15. */
    @Override
    public void writeAll(UUID metricId, List<SeriesWrite> writes) {
        List<Supplier<CompletionStage<AsyncResultSet>>> merges = new ArrayList<>();
        for (SeriesWrite w : writes) {
            addSplitMerges(metricId, w.aggregation(), w.buckets(), w.ttlSeconds(), merges);
        }
        BoundedAsync.runAll(merges);
    }

    private void addSplitMerges(UUID metricId, Aggregation aggregation, Points buckets, int ttlSeconds,
                                List<Supplier<CompletionStage<AsyncResultSet>>> merges) {
        if (buckets.isEmpty()) {
            return;
        }
        long granularity = aggregation.granularityNanos();
        int ttl = ttlSeconds <= 0 ? 0 : Ttl.of(ttlSeconds + SplitLayout.spanSeconds(granularity));
        long tenure = cache.tenureOf(metricId);
        int[] bounds = PointsMerge.runBoundaries(buckets, ts -> SplitLayout.splitOf(ts, granularity));
        for (int r = 0; r + 1 < bounds.length; r++) {
            Points part = PointsMerge.range(buckets, bounds[r], bounds[r + 1]);
            long splitIndex = SplitLayout.splitOf(part.timestamp(0), granularity);
            HeldStateCache.Key key = new HeldStateCache.Key(metricId, aggregation.method(), granularity, splitIndex);
            merges.add(() -> {
                long since = cache.now();
                return storedSplit(key, tenure).thenCompose(stored -> {
                    ByteBuffer blob = Blobs.encode(PointsMerge.overlay(stored, part), granularity);
                    return write.executeAsync(metricId, aggregation.method(), granularity, splitIndex, blob, ttl)
                        .whenComplete((done, error) -> {
                            if (error == null) {
                                cache.put(key, tenure, blob.array(), 0, ttl, since);
                            } else {
                                cache.forget(key);
                            }
                        });
                });
            });
        }
    }

    private CompletionStage<Points> storedSplit(HeldStateCache.Key key, long tenure) {
        HeldStateCache.Entry cached = cache.get(key, tenure);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached.absent() ? Points.EMPTY : SeriesCodec.decode(cached.blob()));
        }
        return split.executeAsync(key.metricId(), key.kind(), key.granularity(), key.index()).thenApply(existing -> {
            Row row = existing.one();
            return row == null ? Points.EMPTY : Blobs.decode(row.getByteBuffer("points"));
        });
    }
}

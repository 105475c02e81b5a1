package org.polenta.storage.cassandra.points;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.RawPointStore;
import org.polenta.storage.cassandra.codec.SeriesCodec;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;
import org.polenta.storage.cassandra.cql.WriteChunks;

/**
 * Raw points in raw_points, one row per hour of timestamps (a SeriesCodec blob), written with the raw
 * retention as TTL, plus the newest processed timestamp per metric in raw_point_state. Writes are
 * read-modify-writes of the touched blocks, serialised by the one-processor-per-metric rule. Blocks and the newest
 * timestamp are read from the {@link HeldStateCache} when this instance wrote them last, within its hold of the
 * sack, so that a processing run reads back nothing it wrote itself.
 */
public final class CassandraRawPointStore implements RawPointStore {

    static final long BLOCK_NANOS = 3_600_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /** Blocks fetched per page by lastBefore, which nearly always stops in the first or second block. */
    private static final int BACKWARD_PAGE = 4;
    /** A cached read covers at most this many blocks (a run's window rarely spans more than two). */
    private static final long MAX_CACHED_SPAN_BLOCKS = 48;
    /**
     * Blob bytes per write request at most: well under Cassandra's largest mutation (half a 32 MB commit-log
     * segment) and its frame size, and small enough to keep one request's latency short.
     */
    private static final long WRITE_BYTES = 1024 * 1024;
    /** The cache's mark of a stored newest timestamp (its value is the entry's number). */
    private static final byte[] NEWEST_PRESENT = new byte[0];

    private final int ttl;
    private final PreparedQuery write;
    private final PreparedQuery block;
    private final PreparedQuery blocksBetween;
    private final PreparedQuery blocksUpTo;
    private final PreparedQuery newest;
    private final PreparedQuery setNewest;
    private final HeldStateCache cache;
    private final Cql cql;

    public CassandraRawPointStore(Cql cql, long retentionSeconds) {
        this(cql, retentionSeconds, HeldStateCache.DISABLED);
    }

    public CassandraRawPointStore(Cql cql, long retentionSeconds, HeldStateCache cache) {
        this.cache = cache;
        this.cql = cql;
        this.ttl = Ttl.of(retentionSeconds);
        Cql.Queries queries = cql.queries("raw_points.cql");
        write = queries.get("write");
        block = queries.get("block");
        blocksBetween = queries.get("blocksBetween");
        blocksUpTo = queries.get("blocksUpTo");
        newest = queries.get("newest");
        setNewest = queries.get("setNewest");
    }

    @Override
    public Points read(UUID metricId, long from, long to) {
        if (from >= to) {
            return Points.EMPTY;
        }
        long first = from == Long.MIN_VALUE ? Long.MIN_VALUE : blockOf(from);
        long last = to == Long.MAX_VALUE ? Long.MAX_VALUE : blockOf(to - 1);
        long tenure = cache.tenureOf(metricId);
        Points cached = cachedBlocks(metricId, first, last, tenure);
        if (cached != null) {
            return cached.slice(from, to);
        }
        List<Points> parts = new ArrayList<>();
        List<Long> found = new ArrayList<>();
        for (Row row : blocksBetween.execute(metricId, first, last)) {
            // Not cached: how long the row has left to live is unknown here; the run's write caches it.
            parts.add(Blobs.decode(row.getByteBuffer("points")));
            found.add(row.getLong("block"));
        }
        rememberMissing(metricId, first, last, found, tenure);
        return parts.isEmpty() ? Points.EMPTY : PointsMerge.concat(parts).slice(from, to);
    }

    /**
     * The blocks first..last from the cache, when it knows each (no block lies beyond the newest timestamp);
     * null when it does not.
     */
    private Points cachedBlocks(UUID metricId, long first, long last, long tenure) {
        HeldStateCache.Entry newestEntry = cache.get(newestKey(metricId), tenure);
        if (newestEntry == null) {
            return null;
        }
        if (newestEntry.absent()) {
            return Points.EMPTY;
        }
        long upTo = Math.min(last, blockOf(newestEntry.number()));
        if (first == Long.MIN_VALUE || upTo - first > MAX_CACHED_SPAN_BLOCKS) {
            return null;
        }
        List<Points> parts = new ArrayList<>();
        for (long b = first; b <= upTo; b++) {
            HeldStateCache.Entry entry = cache.get(blockKey(metricId, b), tenure);
            if (entry == null) {
                return null;
            }
            if (!entry.absent()) {
                parts.add(SeriesCodec.decode(entry.blob()));
            }
        }
        return parts.isEmpty() ? Points.EMPTY : PointsMerge.concat(parts);
    }

    /** Blocks first..last that the read did not return do not exist, up to the newest timestamp's block. */
    private void rememberMissing(UUID metricId, long first, long last, List<Long> found, long tenure) {
        HeldStateCache.Entry newestEntry = cache.get(newestKey(metricId), tenure);
        if (newestEntry == null || newestEntry.absent() || first == Long.MIN_VALUE) {
            return;
        }
        long upTo = Math.min(last, blockOf(newestEntry.number()));
        if (upTo - first > MAX_CACHED_SPAN_BLOCKS) {
            return;
        }
        for (long b = first; b <= upTo; b++) {
            if (!found.contains(b)) {
                cache.put(blockKey(metricId, b), tenure, null, 0, 0, 0);
            }
        }
    }

    @Override
    public Points lastBefore(UUID metricId, long ts) {
        if (ts == Long.MIN_VALUE) {
            return Points.EMPTY;
        }
        for (Row row : blocksUpTo.executePaged(BACKWARD_PAGE, metricId, blockOf(ts - 1))) {
            Points points = Blobs.decode(row.getByteBuffer("points"));
            int before = points.lowerBound(ts);
            if (before > 0) {
                return points.slice(points.timestamp(before - 1), ts);
            }
        }
        return Points.EMPTY;
    }

    /**
     * The blocks the points fall in, merged with what they hold, and the newest timestamp when it moves, written as
     * mutations of the metric's partition key: a run's one or two blocks and the timestamp in one request, instead
     * of one request each. A backfill of many blocks goes in several, none over WRITE_BYTES.
     */
    @Override
    public void write(UUID metricId, Points points) {
        if (points.isEmpty()) {
            return;
        }
        write(prepare(metricId, points));
    }

    /** Writes the prepared requests, all at once; returns when all are acknowledged. */
    void write(PreparedBlocks prepared) {
        List<Supplier<CompletionStage<AsyncResultSet>>> writes = new ArrayList<>();
        prepared.requests.forEach(statements -> writes.add(() -> cql.writeOnePartitionAsync(statements)));
        try {
            BoundedAsync.runAll(writes);
        } catch (RuntimeException e) {
            prepared.settled(e);
            throw e;
        }
        prepared.settled(null);
    }

    /** The blocks the points fall in, merged with what they held, and the newest timestamp: bound, not written. */
    PreparedBlocks prepare(UUID metricId, Points points) {
        long tenure = cache.tenureOf(metricId);
        long since = cache.now();
        OptionalLong known = newestTimestamp(metricId);
        int[] bounds = PointsMerge.runBoundaries(points, CassandraRawPointStore::blockOf);
        List<Supplier<CompletionStage<MergedBlock>>> merges = new ArrayList<>();
        for (int r = 0; r + 1 < bounds.length; r++) {
            Points part = PointsMerge.range(points, bounds[r], bounds[r + 1]);
            long blockIndex = blockOf(part.timestamp(0));
            HeldStateCache.Key key = blockKey(metricId, blockIndex);
            // A block past the newest timestamp's has nothing to merge with, so it is not read first: runs of a
            // metric whose points move forward read no block they start. One could exist only if a run wrote it and
            // then failed to record its newest timestamp; that run's measures are still pending, so the run that
            // redoes them writes the whole block again.
            boolean beyondNewest = known.isEmpty() || blockIndex > blockOf(known.getAsLong());
            merges.add(() -> (beyondNewest ? CompletableFuture.completedFuture(Points.EMPTY) : storedBlock(key, tenure))
                .thenApply(old -> new MergedBlock(key, Blobs.encode(PointsMerge.overlay(old, part), SECOND).array())));
        }
        List<MergedBlock> blocks = BoundedAsync.runAll(merges);
        long newestWritten = points.timestamp(points.size() - 1);
        boolean newestMoves = known.isEmpty() || known.getAsLong() < newestWritten;
        List<List<BoundStatement>> requests = new ArrayList<>();
        for (List<MergedBlock> chunk : WriteChunks.of(blocks, Integer.MAX_VALUE, WRITE_BYTES, b -> b.blob().length)) {
            List<BoundStatement> request = new ArrayList<>();
            for (MergedBlock block : chunk) {
                request.add(write.bind(metricId, block.key().index(), ByteBuffer.wrap(block.blob()), ttl));
            }
            requests.add(request);
        }
        if (requests.isEmpty()) {
            requests.add(new ArrayList<>());
        }
        if (newestMoves) {
            requests.get(requests.size() - 1).add(setNewest.bind(metricId, newestWritten));
        }
        requests.removeIf(List::isEmpty);
        return new PreparedBlocks(metricId, blocks, requests, newestMoves ? OptionalLong.of(newestWritten)
            : OptionalLong.empty(), tenure, since);
    }

    /**
     * A write's requests, each a list of statements of the metric's partition: a run's one or two blocks and the
     * newest timestamp make one request; a backfill of many blocks makes several, none over WRITE_BYTES.
     */
    final class PreparedBlocks {
        private final UUID metricId;
        private final List<MergedBlock> blocks;
        private final List<List<BoundStatement>> requests;
        private final OptionalLong newestWritten;
        private final long tenure;
        private final long since;

        private PreparedBlocks(UUID metricId, List<MergedBlock> blocks, List<List<BoundStatement>> requests,
                               OptionalLong newestWritten, long tenure, long since) {
            this.metricId = metricId;
            this.blocks = blocks;
            this.requests = requests;
            this.newestWritten = newestWritten;
            this.tenure = tenure;
            this.since = since;
        }

        List<List<BoundStatement>> requests() {
            return requests;
        }

        long bytes() {
            long bytes = 0;
            for (MergedBlock block : blocks) {
                bytes += block.blob().length;
            }
            return bytes;
        }

        /** Caches what was written; forgets what may or may not have been (error not null). */
        void settled(Throwable error) {
            if (error != null) {
                blocks.forEach(block -> cache.forget(block.key()));
                cache.forget(newestKey(metricId));
                return;
            }
            for (MergedBlock block : blocks) {
                cache.put(block.key(), tenure, block.blob(), 0, ttl, since);
            }
            newestWritten.ifPresent(newest -> cache.put(newestKey(metricId), tenure, NEWEST_PRESENT, newest, 0, 0));
        }
    }

    /** A block's key and its blob as this write leaves it. */
    private record MergedBlock(HeldStateCache.Key key, byte[] blob) {
    }

    private CompletionStage<Points> storedBlock(HeldStateCache.Key key, long tenure) {
        HeldStateCache.Entry cached = cache.get(key, tenure);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached.absent() ? Points.EMPTY : SeriesCodec.decode(cached.blob()));
        }
        return block.executeAsync(key.metricId(), key.index()).thenApply(existing -> {
            Row row = existing.one();
            return row == null ? Points.EMPTY : Blobs.decode(row.getByteBuffer("points"));
        });
    }

    @Override
    public OptionalLong newestTimestamp(UUID metricId) {
        long tenure = cache.tenureOf(metricId);
        HeldStateCache.Key key = newestKey(metricId);
        HeldStateCache.Entry cached = cache.get(key, tenure);
        if (cached != null) {
            return cached.absent() ? OptionalLong.empty() : OptionalLong.of(cached.number());
        }
        Row row = newest.execute(metricId).one();
        OptionalLong found = row == null || row.isNull(0) ? OptionalLong.empty() : OptionalLong.of(row.getLong(0));
        cache.put(key, tenure, found.isPresent() ? NEWEST_PRESENT : null, found.orElse(0), 0, 0);
        return found;
    }

    private static HeldStateCache.Key blockKey(UUID metricId, long blockIndex) {
        return new HeldStateCache.Key(metricId, "raw", 0, blockIndex);
    }

    private static HeldStateCache.Key newestKey(UUID metricId) {
        return new HeldStateCache.Key(metricId, "newest", 0, 0);
    }

    static long blockOf(long ts) {
        return Math.floorDiv(ts, BLOCK_NANOS);
    }
}

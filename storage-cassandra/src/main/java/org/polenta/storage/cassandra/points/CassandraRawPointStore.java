package org.polenta.storage.cassandra.points;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.RawPointStore;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * Raw points in raw_points, one row per hour of timestamps (a SeriesCodec blob), written with the raw
 * retention as TTL, plus the newest processed timestamp per metric in raw_point_state. Writes are
 * read-modify-writes of the touched blocks, serialised by the one-processor-per-metric rule.
 */
public final class CassandraRawPointStore implements RawPointStore {

    static final long BLOCK_NANOS = 3_600_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /** Blocks fetched per page by lastBefore, which nearly always stops in the first or second block. */
    private static final int BACKWARD_PAGE = 4;

    private final int ttl;
    private final PreparedQuery write;
    private final PreparedQuery block;
    private final PreparedQuery blocksBetween;
    private final PreparedQuery blocksUpTo;
    private final PreparedQuery newest;
    private final PreparedQuery setNewest;

    public CassandraRawPointStore(Cql cql, long retentionSeconds) {
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
        List<Points> parts = new ArrayList<>();
        for (Row row : blocksBetween.execute(metricId, first, last)) {
            parts.add(Blobs.decode(row.getByteBuffer("points")));
        }
        return parts.isEmpty() ? Points.EMPTY : PointsMerge.concat(parts).slice(from, to);
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

    @Override
    public void write(UUID metricId, Points points) {
        if (points.isEmpty()) {
            return;
        }
        int[] bounds = PointsMerge.runBoundaries(points, CassandraRawPointStore::blockOf);
        List<Supplier<CompletionStage<AsyncResultSet>>> writes = new ArrayList<>();
        for (int r = 0; r + 1 < bounds.length; r++) {
            Points part = PointsMerge.range(points, bounds[r], bounds[r + 1]);
            long blockIndex = blockOf(part.timestamp(0));
            writes.add(() -> block.executeAsync(metricId, blockIndex)
                .thenCompose(existing -> {
                    Row row = existing.one();
                    Points stored = row == null ? Points.EMPTY : Blobs.decode(row.getByteBuffer("points"));
                    return write.executeAsync(metricId, blockIndex,
                        Blobs.encode(PointsMerge.overlay(stored, part), SECOND), ttl);
                }));
        }
        long newestWritten = points.timestamp(points.size() - 1);
        OptionalLong known = newestTimestamp(metricId);
        if (known.isEmpty() || known.getAsLong() < newestWritten) {
            writes.add(() -> setNewest.executeAsync(metricId, newestWritten));
        }
        BoundedAsync.runAll(writes);
    }

    @Override
    public OptionalLong newestTimestamp(UUID metricId) {
        Row row = newest.execute(metricId).one();
        return row == null || row.isNull(0) ? OptionalLong.empty() : OptionalLong.of(row.getLong(0));
    }

    static long blockOf(long ts) {
        return Math.floorDiv(ts, BLOCK_NANOS);
    }
}

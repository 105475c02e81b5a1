package org.polenta.core.aggregates;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Where aggregated points are kept, one series per (metric, aggregation). Implementations are thread-safe. */
public interface AggregateStore {

    /**
     * The stored aggregates with from <= timestamp < to. Long.MIN_VALUE / Long.MAX_VALUE mean unbounded.
     * Implementations read only the storage units (splits) that overlap the range.
     */
    Points read(UUID metricId, Aggregation aggregation, long from, long to);

    /**
     * {@link #read} without holding a thread while the storage answers, so that a request can have many reads in
     * flight at once. By default the read runs on the calling thread.
     */
    default CompletableFuture<Points> readAsync(UUID metricId, Aggregation aggregation, long from, long to) {
        try {
            return CompletableFuture.completedFuture(read(metricId, aggregation, from, to));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * {@link #readAsync} of the same aggregation of several metrics, answered in the order of {@code metricIds}
     * (an unknown metric's series is empty). A store may read them in fewer requests than one per metric; by
     * default each is read with readAsync.
     */
    default CompletableFuture<List<Points>> readAllAsync(List<UUID> metricIds, Aggregation aggregation, long from,
                                                         long to) {
        List<CompletableFuture<Points>> reads = new ArrayList<>(metricIds.size());
        for (UUID id : metricIds) {
            reads.add(readAsync(id, aggregation, from, to));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenApply(done -> reads.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Inserts or replaces these buckets (timestamps are bucket starts). Buckets not named keep their value.
     * {@code ttlSeconds} is the archive item's timespan, or 0 to keep forever.
     */
    void write(UUID metricId, Aggregation aggregation, Points buckets, int ttlSeconds);

    /** The buckets of one series, as {@link #write} takes them. */
    record SeriesWrite(Aggregation aggregation, Points buckets, int ttlSeconds) {
    }

    /**
     * Several series of one metric, as one processing run produces them (a series per granularity and method).
     * Same result as writing each in turn; a store may write them concurrently, which is what makes a run cost
     * one storage round trip instead of one per series. When it fails, any subset may have been written: the
     * caller redoes the whole run, which rewrites the same buckets.
     */
    default void writeAll(UUID metricId, List<SeriesWrite> writes) {
        for (SeriesWrite w : writes) {
            write(metricId, w.aggregation(), w.buckets(), w.ttlSeconds());
        }
    }

    /**
     * {@link #writeAll(UUID, List)} by a processing run, which knows the newest timestamp of the points processed
     * before it ({@code newestBefore}; empty when none were): no series of the metric has a bucket after that
     * timestamp's, so a store need not read what it would merge the buckets past it with. (A run that wrote
     * buckets past it and then failed left its measures pending; the run that redoes them writes those buckets
     * whole.) By default, writeAll.
     */
    default void writeAll(UUID metricId, List<SeriesWrite> writes, OptionalLong newestBefore) {
        writeAll(metricId, writes);
    }
}

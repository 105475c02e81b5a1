package org.polenta.core.aggregates;

import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.Metric;
import org.polenta.core.time.Timespans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

/**
 * GET /v1/metric/{id}/measures: reads a metric's aggregates as Gnocchi 4.4 answers them (MetricController.get_measures
 * and StorageDriver.get_aggregated_measures): granularities coarsest first, each truncated to its archive item's
 * points before its newest point, optionally resampled, then limited to [start rounded down, stop).
 */
public final class MeasuresReader {

    /** Gnocchi stores an aggregate series in splits of this many points; a resample reads whole splits. */
    static final long POINTS_PER_SPLIT = 3600;

    private final AggregateStore store;
    private final ToLongFunction<String> timespanParser;

    public MeasuresReader(AggregateStore store) {
        this(store, Timespans::parse);
    }

    /** @param timespanParser parses a resample timespan to nanoseconds, failing with Gnocchi's message */
    public MeasuresReader(AggregateStore store, ToLongFunction<String> timespanParser) {
        this.store = store;
        this.timespanParser = timespanParser;
    }

    public List<AggregatedPoint> read(Metric metric, ArchivePolicy policy, MeasuresQuery query) {
        Resampling resampling = parseResample(query.resample(), query.granularity());
        String method = query.aggregationOrDefault();
        if (!policy.aggregationMethods().contains(method)) {
            throw new AggregationMethodNotInPolicyException(metric.id(), method);
        }
        List<ArchivePolicyItem> items = itemsToRead(metric.id(), policy, method, query.granularity());
        AggregationMethod parsed = AggregationMethod.of(method);
        if (resampling != null) {
            resampling.checkMethod(parsed);
        }
        List<AggregatedPoint> result = new ArrayList<>();
        for (ArchivePolicyItem item : items) {
            if (resampling == null) {
                Points points = readSeries(metric.id(), item, method, query.start(), query.stop());
                for (int i = 0; i < points.size(); i++) {
                    result.add(new AggregatedPoint(points.timestamp(i), item.granularityNanos(), points.value(i)));
                }
            } else {
                result.addAll(readResampled(metric.id(), item, parsed, resampling, query.start(), query.stop()));
            }
        }
        return result;
    }

    /** The resample argument, or null; a resample needs an explicit granularity. */
    Resampling parseResample(String resample, Long granularity) {
        if (resample == null) {
            return null;
        }
        if (granularity == null) {
            throw new InvalidInputException(Resampling.NEEDS_GRANULARITY);
        }
        return Resampling.parse(resample, timespanParser);
    }

    /** The archive items to read, coarsest first; a granularity the policy lacks is a 404 as Gnocchi words it. */
    static List<ArchivePolicyItem> itemsToRead(UUID metricId, ArchivePolicy policy, String method, Long granularity) {
        if (granularity == null) {
            return policy.definition().stream()
                    .sorted(Comparator.comparingLong(ArchivePolicyItem::granularityNanos).reversed())
                    .toList();
        }
        return List.of(item(metricId, policy, method, granularity));
    }

    static ArchivePolicyItem item(UUID metricId, ArchivePolicy policy, String method, long granularity) {
        return policy.definition().stream()
                .filter(i -> i.granularityNanos() == granularity)
                .findFirst()
                .orElseThrow(() -> aggregationDoesNotExist(metricId, method, granularity));
    }

    static NoSuchEntityException aggregationDoesNotExist(UUID metricId, String method, long granularity) {
        return new NoSuchEntityException("Aggregation method '" + method + "' at granularity '"
                + Timespans.secondsText(granularity) + "' for metric " + metricId + " does not exist");
    }

    /**
     * One stored series as Gnocchi fetches it: truncated to the item's points before the series' newest point, then
     * the points with floor(start) <= timestamp < stop.
     */
    public Points readSeries(UUID metricId, ArchivePolicyItem item, String method, Long start, Long stop) {
        long g = item.granularityNanos();
        long from = start == null ? Long.MIN_VALUE : FixedGrouping.floor(start, g);
        long to = stop == null ? Long.MAX_VALUE : stop;
        Points series = readTruncated(metricId, item, method, from, to);
        return series.slice(from, to);
    }

    /**
     * {@link #readSeries} of several metrics with the same archive item and method, in the order of
     * {@code metricIds}, as a future: the store may read them in one request, asynchronously.
     */
    public CompletableFuture<List<Points>> readAllSeriesAsync(List<UUID> metricIds, ArchivePolicyItem item,
                                                              String method, Long start, Long stop) {
        long g = item.granularityNanos();
        long from = start == null ? Long.MIN_VALUE : FixedGrouping.floor(start, g);
        long to = stop == null ? Long.MAX_VALUE : stop;
        Aggregation aggregation = new Aggregation(method, g);
        Long timespan = item.timespanNanos();
        if (timespan == null) {
            return store.readAllAsync(metricIds, aggregation, from, to)
                    .thenApply(all -> all.stream().map(series -> series.slice(from, to)).toList());
        }
        return store.readAllAsync(metricIds, aggregation, from, Long.MAX_VALUE)
                .thenApply(all -> all.stream().map(tail -> truncate(tail, timespan, from, to).slice(from, to)).toList());
    }

    private List<AggregatedPoint> readResampled(UUID metricId, ArchivePolicyItem item, AggregationMethod method,
                                                Resampling resampling, Long start, Long stop) {
        // Gnocchi resamples what it read, and it reads whole splits: the first and last resampled buckets only see
        // the points of the splits that hold start and stop.
        long g = item.granularityNanos();
        long from = start == null ? Long.MIN_VALUE : splitStart(start, g);
        long to = stop == null ? Long.MAX_VALUE : splitEnd(stop, g);
        Points series = readTruncated(metricId, item, method.name(), from, to).slice(from, to);
        Points resampled = SeriesAggregator.aggregate(series, resampling.grouping(), method);
        long fetchFrom = start == null ? Long.MIN_VALUE : resampling.grouping().bucketStart(start);
        long fetchTo = stop == null ? Long.MAX_VALUE : stop;
        Points fetched = resampled.slice(fetchFrom, fetchTo);
        List<AggregatedPoint> points = new ArrayList<>(fetched.size());
        for (int i = 0; i < fetched.size(); i++) {
            points.add(resampling.point(fetched.timestamp(i), fetched.value(i)));
        }
        return points;
    }

    /**
     * The stored points from {@code from}, without those older than the item's timespan before the newest point.
     * With a timespan the read runs to the end of the series to find that newest point; write-side truncation and
     * TTLs keep that tail short.
     */
    private Points readTruncated(UUID metricId, ArchivePolicyItem item, String method, long from, long to) {
        Aggregation aggregation = new Aggregation(method, item.granularityNanos());
        Long timespan = item.timespanNanos();
        if (timespan == null) {
            return store.read(metricId, aggregation, from, to);
        }
        return truncate(store.read(metricId, aggregation, from, Long.MAX_VALUE), timespan, from, to);
    }

    /** The tail read from {@code from} to the series' end, without the points older than timespan before its last. */
    private static Points truncate(Points tail, long timespan, long from, long to) {
        if (tail.isEmpty()) {
            return tail;
        }
        long oldestExcluded = tail.timestamp(tail.size() - 1) - timespan;
        return tail.slice(Math.max(from, oldestExcluded + 1), to);
    }

    static long splitStart(long timestamp, long granularity) {
        long span = splitSpan(granularity);
        return span == Long.MAX_VALUE ? 0 : FixedGrouping.floor(timestamp, span);
    }

    static long splitEnd(long timestamp, long granularity) {
        long span = splitSpan(granularity);
        if (span == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long start = FixedGrouping.floor(timestamp, span);
        return start > Long.MAX_VALUE - span ? Long.MAX_VALUE : start + span;
    }

    private static long splitSpan(long granularity) {
        return granularity > Long.MAX_VALUE / POINTS_PER_SPLIT ? Long.MAX_VALUE : granularity * POINTS_PER_SPLIT;
    }
}

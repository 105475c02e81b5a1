package org.polenta.core.processor;

import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.AggregationMethod;
import org.polenta.core.aggregates.FixedGrouping;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.RawPointStore;
import org.polenta.core.aggregates.RunOutputStore;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.PendingMeasures;
import org.polenta.core.metric.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Turns a metric's pending measures into aggregates: merge the batches, reject what back_window says is too late
 * (counting it), recompute the buckets the new points change, store aggregates then raw points, and only then
 * forget the batches. Running it again on the same batches after a failure gives the same stored state.
 * Callers make sure one metric is processed by one thread at a time (sack leases).
 */
public final class MetricProcessor {

    private final IncomingMeasures incoming;
    private final RawPointStore rawPoints;
    private final RunOutputStore output;

    public MetricProcessor(IncomingMeasures incoming, RawPointStore rawPoints, AggregateStore aggregates) {
        this(incoming, rawPoints, RunOutputStore.sequential(aggregates, rawPoints));
    }

    /** @param output where runs store their aggregates and raw points (reads go to {@code rawPoints}) */
    public MetricProcessor(IncomingMeasures incoming, RawPointStore rawPoints, RunOutputStore output) {
        this.incoming = incoming;
        this.rawPoints = rawPoints;
        this.output = output;
    }

    public ProcessingResult process(Metric metric, ArchivePolicy policy) {
        UUID id = metric.id();
        PendingMeasures pending = incoming.pending(id);
        if (pending.isEmpty()) {
            return ProcessingResult.NOTHING;
        }
        OptionalLong newestBefore = rawPoints.newestTimestamp(id);
        OptionalLong oldestAccepted = BackWindow.oldestAccepted(policy, newestBefore);
        BackWindow.Accepted accepted = BackWindow.filter(pending.batches(), oldestAccepted);
        Points newPoints = MeasureMerger.merge(accepted.batches());
        if (!newPoints.isEmpty()) {
            // Raw points no earlier than the aggregates: they move newestTimestamp, so a run that failed before
            // they are stored is redone whole.
            output.store(id, aggregateWrites(id, policy, newPoints), newestBefore, newPoints);
        }
        incoming.remove(pending);
        return new ProcessingResult(pending.measureCount(), accepted.dropped());
    }

    private List<AggregateStore.SeriesWrite> aggregateWrites(UUID id, ArchivePolicy policy, Points newPoints) {
        List<AggregationMethod> methods = policy.aggregationMethods().stream().sorted()
                .map(AggregationMethod::of).toList();
        boolean rate = methods.stream().anyMatch(AggregationMethod::rate);
        RawWindow window = RawWindow.load(rawPoints, id, oldestTouchedBucket(policy, newPoints), newPoints, rate);
        BucketRecomputer recomputer = new BucketRecomputer(window, newPoints);
        List<AggregateStore.SeriesWrite> writes = new ArrayList<>();
        for (ArchivePolicyItem item : policy.definition()) {
            int ttl = ttlSeconds(item);
            for (AggregationMethod method : methods) {
                Points buckets = recomputer.recompute(item, method);
                if (!buckets.isEmpty()) {
                    writes.add(new AggregateStore.SeriesWrite(
                            new Aggregation(method.name(), item.granularityNanos()), buckets, ttl));
                }
            }
        }
        return writes;
    }

    private static long oldestTouchedBucket(ArchivePolicy policy, Points newPoints) {
        long oldest = newPoints.timestamp(0);
        return policy.definition().stream()
                .mapToLong(item -> FixedGrouping.floor(oldest, item.granularityNanos()))
                .min().orElse(oldest);
    }

    /** The item's timespan in whole seconds, rounded up so nothing expires early; 0 keeps forever. */
    static int ttlSeconds(ArchivePolicyItem item) {
        Long timespan = item.timespanNanos();
        if (timespan == null) {
            return 0;
        }
        long seconds = timespan / 1_000_000_000L + (timespan % 1_000_000_000L == 0 ? 0 : 1);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
    }
}

package org.polenta.core.aggregates.operations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.aggregates.Fill;
import org.polenta.core.aggregates.MeasuresReader;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.SeriesGrid;
import org.polenta.core.aggregates.UnaggregableTimeseriesException;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.time.Timespans;

/**
 * POST /v1/aggregates once the references are known (Gnocchi's rest/aggregates/processor.get_measures and
 * aggregated): picks the granularities, checks the references in Gnocchi's order, reads each series (only the
 * stored splits the bounds need, through {@link MeasuresReader}), lays them on a grid per granularity, applies
 * the fill or the overlap checks, evaluates the operations and shapes the answer.
 */
public final class AggregatesProcessor {

    /** The series reads of one {@link #start} under way at once. */
    static final int MAX_READS_IN_FLIGHT = 256;
    /** The most series of one archive item and aggregation asked of the store at once. */
    static final int READ_BATCH = 32;

    private final MeasuresReader reader;

    public AggregatesProcessor(MeasuresReader reader) {
        this.reader = reader;
    }

    /** @param references at least one, in the order the operations name them */
    public AggregatesResult process(List<AggregatesReference> references, Operation operations,
                                    AggregatesQuery query) {
        return start(references, operations, query).finish();
    }

    /**
     * The checks (thrown here, in Gnocchi's order), then every series read started at once, asynchronously when the
     * store reads so: {@link Started#finish} waits for them and evaluates. Several requests' reads (a groupby's
     * groups) can so be in flight together without a thread each.
     *
     * @param references at least one, in the order the operations name them
     */
    public Started start(List<AggregatesReference> references, Operation operations, AggregatesQuery query) {
        List<Long> granularities = granularities(references, query.granularity());
        checkReferences(references, granularities);
        Map<Long, List<CompletableFuture<Points>>> reads = new LinkedHashMap<>();
        // At most MAX_READS_IN_FLIGHT at once: thousands of series must queue here, not fill the storage's queue.
        Semaphore inFlight = new Semaphore(MAX_READS_IN_FLIGHT);
        for (long g : granularities) {
            List<CompletableFuture<Points>> series = new ArrayList<>(Collections.nCopies(references.size(), null));
            // The references that read the same archive item and aggregation are read together, READ_BATCH at a
            // time: the store may answer each batch in one request (the ten metrics of a mean are one request).
            Map<List<Object>, List<Integer>> together = new LinkedHashMap<>();
            for (int i = 0; i < references.size(); i++) {
                AggregatesReference r = references.get(i);
                together.computeIfAbsent(List.of(item(r.target().policy(), g), r.aggregation()),
                        k -> new ArrayList<>()).add(i);
            }
            together.forEach((key, indexes) -> {
                for (int at = 0; at < indexes.size(); at += READ_BATCH) {
                    List<Integer> batch = indexes.subList(at, Math.min(indexes.size(), at + READ_BATCH));
                    List<UUID> ids = batch.stream().map(i -> references.get(i).target().metric().id()).toList();
                    inFlight.acquireUninterruptibly(batch.size());
                    CompletableFuture<List<Points>> read;
                    try {
                        read = reader.readAllSeriesAsync(ids, (ArchivePolicyItem) key.get(0), (String) key.get(1),
                                query.start(), query.stop());
                    } catch (RuntimeException e) {
                        read = CompletableFuture.failedFuture(e);
                    }
                    read.whenComplete((points, failure) -> inFlight.release(batch.size()));
                    for (int k = 0; k < batch.size(); k++) {
                        int position = k;
                        series.set(batch.get(k), read.thenApply(all -> all.get(position)));
                    }
                }
            });
            reads.put(g, series);
        }
        return new Started(references, operations, query, granularities, reads);
    }

    /** A request whose reads are under way. */
    public final class Started {
        private final List<AggregatesReference> references;
        private final Operation operations;
        private final AggregatesQuery query;
        private final List<Long> granularities;
        private final Map<Long, List<CompletableFuture<Points>>> reads;

        private Started(List<AggregatesReference> references, Operation operations, AggregatesQuery query,
                        List<Long> granularities, Map<Long, List<CompletableFuture<Points>>> reads) {
            this.references = references;
            this.operations = operations;
            this.query = query;
            this.granularities = granularities;
            this.reads = reads;
        }

        /** Waits for the reads and evaluates the operations; a failed read is thrown as the store threw it. */
        public AggregatesResult finish() {
            return finishFor(references);
        }

        /**
         * Whether {@code others} read exactly the series these reads are reading: the same metrics with equal
         * policies and the same aggregations, in the same order. A request that started reading from metrics it
         * remembered can so use its reads once the metrics' rows confirm them.
         */
        public boolean readsSameAs(List<AggregatesReference> others) {
            if (others.size() != references.size()) {
                return false;
            }
            for (int i = 0; i < others.size(); i++) {
                AggregatesReference mine = references.get(i);
                AggregatesReference theirs = others.get(i);
                if (!mine.target().metric().id().equals(theirs.target().metric().id())
                        || !mine.target().policy().equals(theirs.target().policy())
                        || !mine.aggregation().equals(theirs.aggregation())) {
                    return false;
                }
            }
            return true;
        }

        /** {@link #finish} for references that {@link #readsSameAs read the same series}, answered as theirs. */
        public AggregatesResult finishFor(List<AggregatesReference> others) {
            if (others != references && !readsSameAs(others)) {
                throw new IllegalArgumentException("other references read other series");
            }
            Map<Long, List<Points>> series = new LinkedHashMap<>();
            reads.forEach((g, pending) -> series.put(g, pending.stream().map(AggregatesProcessor::join).toList()));
            return evaluate(others, operations, query, granularities, series);
        }
    }

    private static AggregatesResult evaluate(List<AggregatesReference> references, Operation operations,
                                             AggregatesQuery query, List<Long> granularities,
                                             Map<Long, List<Points>> series) {
        List<List<String>> lookupKeys = references.stream().map(AggregatesReference::lookupKey).toList();
        List<MetricRef> columnKeys = references.stream().map(AggregatesReference::answersTo).toList();
        OperationsEvaluator evaluator = new OperationsEvaluator(columnKeys, lookupKeys);
        List<Evaluated> results = new ArrayList<>();
        boolean aggregated = false;
        for (long g : granularities) {
            SeriesGrid grid = SeriesGrid.of(series.get(g), query.fill());
            if (query.fill().checksOverlap()) {
                grid = grid.checkOverlap(lookupKeys, query.start(), query.stop(), query.neededOverlap());
            }
            Evaluated result = evaluator.evaluate(operations, g, grid.times(), grid.columns());
            if (!result.isSeries()) {
                throw new org.polenta.core.errors.InvalidInputException(
                        "Operations " + operations.repr() + " give a number, not a time series");
            }
            results.add(result);
            aggregated = result.aggregated();
        }
        return aggregated ? aggregatedResult(results, query.fill()) : perReference(results, references, query.fill());
    }

    // Gnocchi's granularities: the requested one, or those every reference's policy has, coarsest first.
    private static List<Long> granularities(List<AggregatesReference> references, Long requested) {
        if (requested != null) {
            return List.of(requested);
        }
        Map<Long, Integer> occurrences = new LinkedHashMap<>();
        for (AggregatesReference r : references) {
            for (ArchivePolicyItem item : r.target().policy().definition()) {
                occurrences.merge(item.granularityNanos(), 1, Integer::sum);
            }
        }
        List<Long> common = occurrences.entrySet().stream()
                .filter(e -> e.getValue() == references.size()).map(Map.Entry::getKey)
                .sorted(Comparator.reverseOrder()).toList();
        if (common.isEmpty()) {
            List<List<String>> detail = references.stream()
                    .map(r -> List.of(r.name(), r.aggregation())).toList();
            throw new UnaggregableTimeseriesException(detail, "No granularity match");
        }
        return common;
    }

    private static void checkReferences(List<AggregatesReference> references, List<Long> granularities) {
        List<List<Object>> missing = new ArrayList<>();
        for (AggregatesReference r : references) {
            ArchivePolicy policy = r.target().policy();
            if (!policy.aggregationMethods().contains(r.aggregation())) {
                throw new MetricsWithUnknownAggregationException(r.target().metric().id().toString(),
                        r.aggregation());
            }
            for (long g : granularities) {
                if (item(policy, g) == null) {
                    missing.add(List.of(r.name(), r.aggregation(), Timespans.seconds(g)));
                    break;
                }
            }
        }
        if (!missing.isEmpty()) {
            throw UnaggregableTimeseriesException.withDetail(missing, "Granularities are missing");
        }
    }

    private static Points join(CompletableFuture<Points> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static ArchivePolicyItem item(ArchivePolicy policy, long granularity) {
        return policy.definition().stream().filter(i -> i.granularityNanos() == granularity).findFirst()
                .orElse(null);
    }

    private static AggregatesResult aggregatedResult(List<Evaluated> results, Fill fill) {
        List<AggregatedPoint> points = new ArrayList<>();
        for (Evaluated r : results) {
            addPoints(points, r, 0, fill);
        }
        return new AggregatesResult.Aggregated(points);
    }

    private static AggregatesResult perReference(List<Evaluated> results, List<AggregatesReference> references,
                                                 Fill fill) {
        Map<String, Map<String, List<AggregatedPoint>>> byMetric = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, List<AggregatedPoint>>>> byResource = new LinkedHashMap<>();
        for (Evaluated r : results) {
            for (int i = 0; i < references.size() && i < r.columns().length; i++) {
                AggregatesReference ref = references.get(i);
                Map<String, List<AggregatedPoint>> byAggregation = ref.resourceId() == null
                        ? byMetric.computeIfAbsent(ref.name(), k -> new LinkedHashMap<>())
                        : byResource.computeIfAbsent(ref.resourceId(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(ref.name(), k -> new LinkedHashMap<>());
                addPoints(byAggregation.computeIfAbsent(ref.aggregation(), k -> new ArrayList<>()), r, i, fill);
            }
        }
        return byResource.isEmpty() ? new AggregatesResult.ByMetric(byMetric)
                : new AggregatesResult.ByResource(byResource);
    }

    // fill=dropna leaves out what is not a number, infinities included.
    private static void addPoints(List<AggregatedPoint> out, Evaluated r, int column, Fill fill) {
        long[] times = r.times();
        double[] values = r.columns()[column];
        boolean drop = fill.kind() == Fill.Kind.DROPNA;
        for (int t = 0; t < times.length; t++) {
            double v = values[t];
            if (drop && (Double.isNaN(v) || Double.isInfinite(v))) {
                continue;
            }
            out.add(new AggregatedPoint(times[t], r.granularity(), v));
        }
    }
}

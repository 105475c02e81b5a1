package org.polenta.core.aggregates;

import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.metric.Metric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /v1/aggregation/metric: one metric's measures read as they are, several metrics' series combined per timestamp
 * (AggregationController.get_cross_metric_measures_from_objs and rest/aggregates/processor.get_measures in Gnocchi
 * 4.4), with Gnocchi's checks in Gnocchi's order. Metrics are given in request order, already found and allowed.
 */
public final class CrossMetricAggregator {

    private final MeasuresReader reader;

    public CrossMetricAggregator(MeasuresReader reader) {
        this.reader = reader;
    }

    public List<AggregatedPoint> aggregate(List<MetricAndPolicy> metrics, CrossMetricQuery query) {
        if (metrics.isEmpty()) {
            return List.of();
        }
        String aggregation = query.aggregationOrDefault();
        Resampling resampling = reader.parseResample(query.resample(), query.granularity());
        List<Long> granularities = granularities(metrics, query.granularity(), aggregation);
        for (MetricAndPolicy m : metrics) {
            for (long g : granularities) {
                MeasuresReader.item(m.metric().id(), m.policy(), aggregation, g);
            }
        }
        if (metrics.size() == 1) {
            // Gnocchi reads a lone metric as /measures does, without reaggregation.
            MetricAndPolicy only = metrics.get(0);
            return reader.read(only.metric(), only.policy(), new MeasuresQuery(query.start(), query.stop(),
                    aggregation, query.granularity(), query.resample(), null));
        }
        for (MetricAndPolicy m : metrics) {
            if (!m.policy().aggregationMethods().contains(aggregation)) {
                throw MeasuresReader.aggregationDoesNotExist(m.metric().id(), aggregation,
                        m.policy().definition().get(0).granularityNanos());
            }
        }
        if (resampling != null) {
            resampling.checkMethod(AggregationMethod.of(aggregation));
        }
        List<List<String>> lookupKeys = metrics.stream()
                .map(m -> List.of(m.metric().id().toString(), aggregation)).toList();
        SeriesCombiner combiner = new SeriesCombiner(lookupKeys, aggregation, query.reaggregationOrDefault(),
                resampling, query.start(), query.stop(), query.neededOverlapOrDefault(), query.fillOrNone());
        List<AggregatedPoint> result = new ArrayList<>();
        for (long g : granularities.stream().sorted(Comparator.reverseOrder()).toList()) {
            List<Points> series = new ArrayList<>(metrics.size());
            for (MetricAndPolicy m : metrics) {
                ArchivePolicyItem item = MeasuresReader.item(m.metric().id(), m.policy(), aggregation, g);
                series.add(reader.readSeries(m.metric().id(), item, aggregation, query.start(), query.stop()));
            }
            result.addAll(combiner.combine(g, series));
        }
        return result;
    }

    /** The requested granularity, or every granularity all the metrics' policies have. */
    private static List<Long> granularities(List<MetricAndPolicy> metrics, Long requested, String aggregation) {
        if (requested != null) {
            return List.of(requested);
        }
        Map<Long, Integer> occurrences = new LinkedHashMap<>();
        for (MetricAndPolicy m : metrics) {
            for (ArchivePolicyItem item : m.policy().definition()) {
                occurrences.merge(item.granularityNanos(), 1, Integer::sum);
            }
        }
        List<Long> common = occurrences.entrySet().stream()
                .filter(e -> e.getValue() == metrics.size()).map(Map.Entry::getKey).toList();
        if (common.isEmpty()) {
            List<List<String>> references = metrics.stream()
                    .map(m -> List.of(m.metric().id().toString(), aggregation)).toList();
            throw new UnaggregableTimeseriesException(references, "No granularity match");
        }
        return common;
    }

}

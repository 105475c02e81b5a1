package org.polenta.core.aggregates.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Fill;
import org.polenta.core.aggregates.MeasuresReader;
import org.polenta.core.aggregates.MetricAndPolicy;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.UnaggregableTimeseriesException;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.metric.Metric;
import org.polenta.core.testing.InMemoryAggregateStore;

/**
 * The whole aggregates computation over stored series: fill, needed_overlap and bounds against what Gnocchi 4.4's
 * processor.aggregated answered (processor.jsonl), Gnocchi's reference checks, and reads bounded to the query.
 */
class AggregatesProcessorTest {

    private static final long S = 1_000_000_000L;
    private static final long BASE = 1425652380L * S;
    private static final OperationsParser PARSER = new OperationsParser(List.of("operations"));

    private final RecordingStore store = new RecordingStore(new InMemoryAggregateStore());
    private final AggregatesProcessor processor = new AggregatesProcessor(new MeasuresReader(store));

    static Stream<Arguments> cases() {
        return OracleCases.load("processor.jsonl").stream().map(c -> Arguments.of(
                c.get("order") + " fill=" + c.get("fill") + " overlap=" + c.get("needed_overlap") + " start="
                        + c.get("start") + " stop=" + c.get("stop") + " " + ((List<?>) c.get("operations")).get(0), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void answersAsGnocchi(String label, Map<String, Object> c) {
        ArchivePolicy policy = policy(60);
        List<AggregatesReference> refs = new ArrayList<>();
        Map<String, Map<String, Object>> series = (Map<String, Map<String, Object>>) c.get("series");
        for (String id : (List<String>) c.get("order")) {
            Map<String, Object> s = series.get(id);
            MetricAndPolicy m = store(id, policy, (List<Number>) s.get("seconds"), (List<Number>) s.get("values"));
            refs.add(AggregatesReference.byId(m, new MetricRef(id, "mean")));
        }
        Object fill = c.get("fill");
        AggregatesQuery query = new AggregatesQuery(bound(c.get("start")), bound(c.get("stop")), null,
                ((Number) c.get("needed_overlap")).doubleValue(),
                fill == null ? Fill.NONE : Fill.parse(fill instanceof String t ? t : String.valueOf(fill)));
        Operation op = PARSER.parse(c.get("operations"));

        if (c.containsKey("error")) {
            Map<String, Object> error = (Map<String, Object>) c.get("error");
            assertThatThrownBy(() -> processor.process(refs, op, query))
                    .isInstanceOfSatisfying(UnaggregableTimeseriesException.class, e -> {
                        assertThat(e.reason()).isEqualTo(error.get("reason"));
                        assertThat(e.detail()).isEqualTo(error.get("detail"));
                    });
            return;
        }
        Map<String, Object> rendered = processor.process(refs, op, query).render(AggregatesProcessorTest::rows);
        assertThat(normalized(rendered)).isEqualTo(normalized(c.get("result")));
    }

    @Test
    void fillsForwardAndBackwardWithinEachSeries() {
        ArchivePolicy policy = policy(60);
        MetricAndPolicy x = store(UUID.randomUUID().toString(), policy, List.of(60, 240), List.of(1.0, 4.0));
        MetricAndPolicy y = store(UUID.randomUUID().toString(), policy, List.of(0, 120, 180), List.of(10.0, 20.0, 30.0));
        List<AggregatesReference> refs = List.of(
                AggregatesReference.byId(x, new MetricRef(x.metric().id().toString(), "mean")),
                AggregatesReference.byId(y, new MetricRef(y.metric().id().toString(), "mean")));
        Operation op = PARSER.parse(List.of("metric", refs.get(0).answersTo().asList(),
                refs.get(1).answersTo().asList()));

        assertThat(valuesOf(refs, op, Fill.FFILL)).containsExactly(
                List.of(Double.NaN, 1.0, 1.0, 1.0, 4.0), List.of(10.0, 10.0, 20.0, 30.0, 30.0));
        assertThat(valuesOf(refs, op, Fill.BFILL)).containsExactly(
                List.of(1.0, 1.0, 4.0, 4.0, 4.0), List.of(10.0, 20.0, 20.0, 30.0, Double.NaN));
        assertThat(valuesOf(refs, op, Fill.FULL_FFILL)).containsExactly(
                List.of(1.0, 1.0, 1.0, 1.0, 4.0), List.of(10.0, 10.0, 20.0, 30.0, 30.0));
        assertThat(valuesOf(refs, op, Fill.FULL_BFILL)).containsExactly(
                List.of(1.0, 1.0, 4.0, 4.0, 4.0), List.of(10.0, 20.0, 20.0, 30.0, 30.0));
    }

    @Test
    void readsOnlyTheQueriedRangeOfEachSeries() {
        ArchivePolicy policy = policy(60);
        List<Integer> seconds = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            seconds.add(i * 60);
            values.add((double) i);
        }
        MetricAndPolicy m = store(UUID.randomUUID().toString(), policy, seconds, values);
        store.reads.clear();
        long start = BASE + 3600 * S + 30 * S;
        long stop = BASE + 7200 * S;

        AggregatesResult result = processor.process(
                List.of(AggregatesReference.byId(m, new MetricRef(m.metric().id().toString(), "mean"))),
                PARSER.parse(List.of("metric", m.metric().id().toString(), "mean")),
                new AggregatesQuery(start, stop, null, 100.0, Fill.DROPNA));

        assertThat(store.reads).containsExactly(List.of(BASE + 3600 * S, BASE + 7200 * S));
        List<AggregatedPoint> points = ((AggregatesResult.ByMetric) result).series()
                .get(m.metric().id().toString()).get("mean");
        assertThat(points).hasSize(60);
        assertThat(points.get(0).value()).isEqualTo(60.0);
    }

    @Test
    void checksReferencesInGnocchisOrder() {
        MetricAndPolicy minutes = store(UUID.randomUUID().toString(), policy(60), List.of(0), List.of(1.0));
        MetricAndPolicy seconds = store(UUID.randomUUID().toString(), policy(1), List.of(0), List.of(1.0));
        String a = minutes.metric().id().toString();
        String b = seconds.metric().id().toString();

        assertThatThrownBy(() -> processor.process(List.of(
                AggregatesReference.byId(minutes, new MetricRef(a, "last")),
                AggregatesReference.byId(seconds, new MetricRef(b, "mean"))),
                PARSER.parse(List.of("metric", List.of(a, "last"), List.of(b, "mean"))),
                AggregatesQuery.of(null, null, null, null, null)))
                .isInstanceOfSatisfying(UnaggregableTimeseriesException.class, e -> {
                    assertThat(e.reason()).isEqualTo("No granularity match");
                    assertThat(e.detail()).isEqualTo(List.of(List.of(a, "last"), List.of(b, "mean")));
                });
        assertThatThrownBy(() -> processor.process(List.of(AggregatesReference.byId(minutes, new MetricRef(a, "last"))),
                PARSER.parse(List.of("metric", a, "last")), AggregatesQuery.of(null, null, null, null, null)))
                .isInstanceOfSatisfying(MetricsWithUnknownAggregationException.class, e ->
                        assertThat(e.description()).isEqualTo(Map.of("cause", "Metrics with unknown aggregation",
                                "detail", List.of(List.of(a, "last")))));
        assertThatThrownBy(() -> processor.process(List.of(AggregatesReference.byId(minutes, new MetricRef(a, "mean"))),
                PARSER.parse(List.of("metric", a, "mean")), AggregatesQuery.of(null, null, 123 * S, null, null)))
                .isInstanceOfSatisfying(UnaggregableTimeseriesException.class, e -> {
                    assertThat(e.reason()).isEqualTo("Granularities are missing");
                    assertThat(e.detail()).isEqualTo(List.of(List.of(a, "mean", 123.0)));
                });
    }

    @Test
    void withoutFillNorOverlapMissingPointsAreDropped() {
        assertThat(AggregatesQuery.of(null, null, null, null, null).fill()).isEqualTo(Fill.DROPNA);
        assertThat(AggregatesQuery.of(null, null, null, 50.0, null).fill()).isEqualTo(Fill.NONE);
        assertThat(AggregatesQuery.of(null, null, null, null, Fill.NULL).neededOverlap()).isEqualTo(100.0);
    }

    @Test
    void readsStartedForOneSetOfReferencesServeOnlyReferencesReadingTheSameSeries() {
        String a = "00000000-0000-4000-8000-00000000000a";
        String b = "00000000-0000-4000-8000-00000000000b";
        MetricAndPolicy ma = store(a, policy(60), List.of(0, 60), List.of(1, 2));
        MetricAndPolicy mb = store(b, policy(60), List.of(0, 60), List.of(3, 4));
        Operation op = PARSER.parse(List.of("aggregate", "mean", List.of("metric", List.of(a, "mean"), List.of(b, "mean"))));
        AggregatesQuery query = AggregatesQuery.of(null, null, 60 * S, null, null);
        List<AggregatesReference> refs = List.of(AggregatesReference.byId(ma, new MetricRef(a, "mean")),
                AggregatesReference.byId(mb, new MetricRef(b, "mean")));
        AggregatesProcessor.Started started = processor.start(refs, op, query);

        // The same metrics found again (another row of the same metric, an equal policy): the same reads.
        Metric renamed = new Metric(ma.metric().id(), "p60", "admin", "renamed", null, null, Metric.ACTIVE);
        List<AggregatesReference> again = List.of(
                AggregatesReference.byId(new MetricAndPolicy(renamed, policy(60)), new MetricRef(a, "mean")),
                refs.get(1));
        assertThat(started.readsSameAs(again)).isTrue();
        assertThat(started.finishFor(again).render(AggregatesProcessorTest::rows))
                .isEqualTo(processor.process(again, op, query).render(AggregatesProcessorTest::rows));

        // Another policy (a changed timespan), another order, another aggregation or one reference less: not.
        ArchivePolicy shorter = new ArchivePolicy("p60", 0, List.of(new ArchivePolicyItem(60 * S, 1L)),
                Set.of("mean", "sum", "max"));
        assertThat(started.readsSameAs(List.of(
                AggregatesReference.byId(new MetricAndPolicy(ma.metric(), shorter), new MetricRef(a, "mean")),
                refs.get(1)))).isFalse();
        assertThat(started.readsSameAs(List.of(refs.get(1), refs.get(0)))).isFalse();
        assertThat(started.readsSameAs(List.of(refs.get(0),
                AggregatesReference.byId(mb, new MetricRef(b, "max"))))).isFalse();
        assertThat(started.readsSameAs(refs.subList(0, 1))).isFalse();
        assertThatThrownBy(() -> started.finishFor(refs.subList(0, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    private List<List<Double>> valuesOf(List<AggregatesReference> refs, Operation op, Fill fill) {
        AggregatesResult result = processor.process(refs, op, new AggregatesQuery(null, null, null, 100.0, fill));
        List<List<Double>> out = new ArrayList<>();
        for (AggregatesReference r : refs) {
            out.add(((AggregatesResult.ByMetric) result).series().get(r.name()).get("mean").stream()
                    .map(AggregatedPoint::value).toList());
        }
        return out;
    }

    private MetricAndPolicy store(String id, ArchivePolicy policy, List<? extends Number> seconds,
                                  List<? extends Number> values) {
        long[] t = new long[seconds.size()];
        double[] v = new double[values.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = BASE + seconds.get(i).longValue() * S;
            v[i] = values.get(i).doubleValue();
        }
        Metric metric = new Metric(UUID.fromString(id), policy.name(), "admin", null, null, null, Metric.ACTIVE);
        store.write(metric.id(), new Aggregation("mean", policy.definition().get(0).granularityNanos()),
                new Points(t, v), 0);
        return new MetricAndPolicy(metric, policy);
    }

    private static ArchivePolicy policy(long granularitySeconds) {
        return new ArchivePolicy("p" + granularitySeconds, 0,
                List.of(new ArchivePolicyItem(granularitySeconds * S, null)), Set.of("mean", "sum", "max"));
    }

    private static Long bound(Object seconds) {
        return seconds == null ? null : BASE + ((Number) seconds).longValue() * S;
    }

    private static Object rows(List<AggregatedPoint> points) {
        return points.stream().map(p -> List.<Object>of(p.timestampNanos(), p.granularityNanos() / 1e9,
                p.value())).toList();
    }

    // Numbers compared as doubles, NaN as the oracle's "nan".
    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normalized(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AggregatesProcessorTest::normalized).toList();
        }
        if (value instanceof Number || value instanceof String s && (s.equals("nan") || s.contains("inf"))) {
            double d = OracleCases.number(value);
            return Double.isNaN(d) ? "nan" : d;
        }
        return value;
    }

    /** Keeps the [from, to) range of each read, to show which part of a series a query fetched. */
    private static final class RecordingStore implements AggregateStore {
        final List<List<Long>> reads = new ArrayList<>();
        private final AggregateStore delegate;

        RecordingStore(AggregateStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Points read(UUID metricId, Aggregation aggregation, long from, long to) {
            reads.add(List.of(from, to));
            return delegate.read(metricId, aggregation, from, to);
        }

        @Override
        public void write(UUID metricId, Aggregation aggregation, Points buckets, int ttlSeconds) {
            delegate.write(metricId, aggregation, buckets, ttlSeconds);
        }
    }
}

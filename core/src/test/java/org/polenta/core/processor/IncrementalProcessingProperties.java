package org.polenta.core.processor;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.aggregates.MeasuresQuery;
import org.polenta.core.aggregates.MeasuresReader;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.incoming.Measure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processing is path-independent: however the POST batches are split into processing runs, clients read the same
 * aggregates as when everything is processed at once; and with a small back_window every measure is either kept
 * or counted as dropped.
 */
class IncrementalProcessingProperties {

    private static final long S = 1_000_000_000L;
    private static final long HALF_SECOND = S / 2;
    private static final long SPAN_HALF_SECONDS = 1200;
    private static final List<Long> GRANULARITIES = List.of(S / 2, S, 2 * S, 5 * S, 10 * S, 30 * S, 60 * S);
    private static final List<String> METHODS = methods();

    private static List<String> methods() {
        List<String> base = List.of("mean", "sum", "last", "max", "min", "std", "median", "first", "count",
                "1pct", "5pct", "50pct", "95pct", "99pct");
        List<String> all = new ArrayList<>(base);
        base.forEach(m -> all.add("rate:" + m));
        return all;
    }

    record Scenario(List<ArchivePolicyItem> items, Set<String> methods, List<List<Measure>> batches,
                    List<Boolean> processAfter) {

        ArchivePolicy policy(int backWindow) {
            return new ArchivePolicy("prop", backWindow, items, methods);
        }

        int measureCount() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    @Property(tries = 300)
    void incrementalProcessingGivesTheAggregatesOfProcessingAllAtOnce(@ForAll("scenarios") Scenario scenario) {
        ArchivePolicy policy = scenario.policy(backWindowCoveringEverything(scenario.items()));

        ProcessorFixture incremental = new ProcessorFixture();
        int processed = 0;
        int dropped = 0;
        for (int i = 0; i < scenario.batches().size(); i++) {
            incremental.post(scenario.batches().get(i).toArray(Measure[]::new));
            if (scenario.processAfter().get(i) || i == scenario.batches().size() - 1) {
                ProcessingResult r = incremental.process(policy);
                processed += r.measuresProcessed();
                dropped += r.lateMeasuresDropped();
            }
        }
        ProcessorFixture atOnce = new ProcessorFixture();
        scenario.batches().forEach(b -> atOnce.post(b.toArray(Measure[]::new)));
        ProcessingResult once = atOnce.process(policy);

        assertThat(dropped).isZero();
        assertThat(once.lateMeasuresDropped()).isZero();
        assertThat(processed).isEqualTo(scenario.measureCount()).isEqualTo(once.measuresProcessed());
        assertThat(incremental.rawPoints()).isEqualTo(atOnce.rawPoints());
        assertThat(visible(incremental, policy)).isEqualTo(visible(atOnce, policy));
        Statistics.label("processing runs").collect(scenario.processAfter()
                .subList(0, scenario.batches().size() - 1).stream().filter(b -> b).count() + 1);
    }

    @Property(tries = 300)
    void withASmallBackWindowEveryMeasureIsKeptOrCountedAsDropped(@ForAll("distinctTimestampScenarios")
                                                                  Scenario scenario,
                                                                  @ForAll("smallBackWindows") int backWindow) {
        ArchivePolicy policy = scenario.policy(backWindow);
        ProcessorFixture incremental = new ProcessorFixture();
        int dropped = 0;
        for (int i = 0; i < scenario.batches().size(); i++) {
            incremental.post(scenario.batches().get(i).toArray(Measure[]::new));
            if (scenario.processAfter().get(i) || i == scenario.batches().size() - 1) {
                dropped += incremental.process(policy).lateMeasuresDropped();
            }
        }
        int kept = incremental.rawPoints().size();
        assertThat(dropped + kept).isEqualTo(scenario.measureCount());

        // What was kept was aggregated as if it had all come at once: nothing kept was lost on the way.
        ProcessorFixture keptAtOnce = new ProcessorFixture();
        long[] ts = incremental.rawPoints().timestamps();
        double[] values = incremental.rawPoints().values();
        keptAtOnce.post(IntStream.range(0, kept).mapToObj(i -> new Measure(ts[i], values[i])).toArray(Measure[]::new));
        keptAtOnce.process(policy);
        assertThat(visible(incremental, policy)).isEqualTo(visible(keptAtOnce, policy));
        Statistics.label("some dropped").collect(dropped > 0);
    }

    /** What a client reads: every method at every granularity, through the real reader. */
    private static Map<String, List<AggregatedPoint>> visible(ProcessorFixture f, ArchivePolicy policy) {
        MeasuresReader reader = new MeasuresReader(f.aggregates);
        Map<String, List<AggregatedPoint>> all = new TreeMap<>();
        for (String method : policy.aggregationMethods()) {
            all.put(method, reader.read(f.metric, policy, new MeasuresQuery(null, null, method, null, null, null)));
        }
        return all;
    }

    private static int backWindowCoveringEverything(List<ArchivePolicyItem> items) {
        long block = items.stream().mapToLong(ArchivePolicyItem::granularityNanos).max().orElseThrow();
        return (int) (SPAN_HALF_SECONDS * HALF_SECOND / block) + 2;
    }

    @Provide
    Arbitrary<Integer> smallBackWindows() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return scenarios(measures().list().ofMinSize(1).ofMaxSize(15).list().ofMinSize(1).ofMaxSize(8));
    }

    @Provide
    Arbitrary<Scenario> distinctTimestampScenarios() {
        Arbitrary<List<Measure>> distinct = measures().list().ofMinSize(1).ofMaxSize(60)
                .uniqueElements(Measure::timestampNanos);
        Arbitrary<List<List<Measure>>> batches = Combinators.combine(distinct, Arbitraries.integers().between(1, 8))
                .as(IncrementalProcessingProperties::chop);
        return scenarios(batches);
    }

    private static List<List<Measure>> chop(List<Measure> measures, int parts) {
        List<List<Measure>> batches = new ArrayList<>();
        int size = Math.max(1, (measures.size() + parts - 1) / parts);
        for (int i = 0; i < measures.size(); i += size) {
            batches.add(measures.subList(i, Math.min(measures.size(), i + size)));
        }
        return batches;
    }

    private Arbitrary<Scenario> scenarios(Arbitrary<List<List<Measure>>> batches) {
        return Combinators.combine(items(), Arbitraries.of(METHODS).set().ofMinSize(1).ofMaxSize(6), batches,
                        Arbitraries.of(true, false).list().ofSize(8))
                .as(Scenario::new);
    }

    private static Arbitrary<Measure> measures() {
        Arbitrary<Long> halfSeconds = Arbitraries.longs().between(0, SPAN_HALF_SECONDS);
        Arbitrary<Double> values = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 5).map(Integer::doubleValue),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(4));
        return Combinators.combine(halfSeconds, values)
                .as((h, v) -> new Measure(1_425_000_000L * S + h * HALF_SECOND, v));
    }

    private static Arbitrary<List<ArchivePolicyItem>> items() {
        Arbitrary<Long> points = Arbitraries.longs().between(1, 40).injectNull(0.3);
        return Arbitraries.of(GRANULARITIES).set().ofMinSize(1).ofMaxSize(3).flatMap(gs ->
                points.list().ofSize(gs.size()).map(ps -> {
                    List<Long> sorted = gs.stream().sorted().toList();
                    List<ArchivePolicyItem> items = new ArrayList<>();
                    for (int i = 0; i < sorted.size(); i++) {
                        items.add(new ArchivePolicyItem(sorted.get(i), ps.get(i)));
                    }
                    return items;
                }));
    }
}

package org.polenta.core;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.CrossMetricAggregator;
import org.polenta.core.aggregates.CrossMetricQuery;
import org.polenta.core.aggregates.Fill;
import org.polenta.core.aggregates.MeasuresQuery;
import org.polenta.core.aggregates.MeasuresReader;
import org.polenta.core.aggregates.MetricAndPolicy;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.UnaggregableTimeseriesException;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.incoming.Measure;
import org.polenta.core.metric.Metric;
import org.polenta.core.processor.MetricProcessor;
import org.polenta.core.testing.InMemoryAggregateStore;
import org.polenta.core.testing.InMemoryIncomingMeasures;
import org.polenta.core.testing.InMemoryRawPointStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Compares the engine with Gnocchi 4.4's own code on random inputs: raw points processed (in random runs) against
 * carbonara's grouping of the whole series, resampled reads against AggregatedTimeSerie.resample, and the
 * cross-metric aggregation against rest/aggregates/processor.aggregated(). Skipped when Gnocchi is not installed.
 */
class CarbonaraComparisonIT {

    private static final Path GNOCCHI = Path.of("/usr/lib/python3/dist-packages/gnocchi");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long S = 1_000_000_000L;
    private static final long BASE = 1_425_650_000L * S;
    private static final List<String> BASE_METHODS = List.of("mean", "sum", "last", "max", "min", "std", "median",
            "first", "count", "1pct", "37pct", "95pct");
    private static final List<Long> GRANULARITIES = List.of(S / 2, S, 5 * S, 60 * S, 300 * S);
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private static final Comparison TOTAL = new Comparison();

    @BeforeAll
    static void requireGnocchi() {
        assumeTrue(Files.isDirectory(GNOCCHI) && Files.isExecutable(PYTHON), "Gnocchi 4.4 is not installed");
    }

    @AfterAll
    static void report() {
        System.out.println("CarbonaraComparisonIT total: " + TOTAL);
    }

    /**
     * Accumulates how closely our values follow Gnocchi's. Only percentiles may differ in their last bits: carbonara
     * interpolates at the bucket's position in the whole grouped series, which depends on what was grouped; we use
     * the position within the bucket. Their differences are judged on the scale of the bucket's values.
     */
    static final class Comparison {
        long points;
        long exact;
        double maxRelativeDifference;
        double maxRelativeDifferenceOutsidePercentiles;
        double maxPercentileDifferenceOnInputScale;
        long errorsCompared;

        void compare(String what, List<long[]> ourKeys, List<Double> ours, Oracle.Answer theirs, double scale) {
            boolean percentile = what.contains("pct");
            if (theirs.error() != null) {
                fail(what + ": Gnocchi failed (" + theirs.error() + ") where we answered " + ours.size() + " points");
            }
            assertThat(ourKeys.stream().map(k -> k[0]).toList()).as(what + " timestamps")
                    .isEqualTo(theirs.timestamps());
            for (int i = 0; i < ours.size(); i++) {
                double a = ours.get(i);
                double b = theirs.values().get(i);
                points++;
                if (Double.compare(a, b) == 0 || a == b) {
                    exact++;
                    continue;
                }
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
                    fail(what + " at " + ourKeys.get(i)[0] + ": ours " + a + ", Gnocchi " + b);
                }
                double magnitude = Math.max(Math.abs(a), Math.abs(b));
                double relative = Math.abs(a - b) / magnitude;
                maxRelativeDifference = Math.max(maxRelativeDifference, relative);
                String where = what + " at " + ourKeys.get(i)[0] + ": ours " + a + ", Gnocchi " + b;
                if (percentile) {
                    double onScale = Math.abs(a - b) / Math.max(magnitude, scale);
                    maxPercentileDifferenceOnInputScale = Math.max(maxPercentileDifferenceOnInputScale, onScale);
                    assertThat(onScale).as(where).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
                } else {
                    maxRelativeDifferenceOutsidePercentiles =
                            Math.max(maxRelativeDifferenceOutsidePercentiles, relative);
                    assertThat(relative).as(where).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
                }
            }
        }

        void add(Comparison other) {
            points += other.points;
            exact += other.exact;
            errorsCompared += other.errorsCompared;
            maxRelativeDifference = Math.max(maxRelativeDifference, other.maxRelativeDifference);
            maxRelativeDifferenceOutsidePercentiles = Math.max(maxRelativeDifferenceOutsidePercentiles,
                    other.maxRelativeDifferenceOutsidePercentiles);
            maxPercentileDifferenceOnInputScale = Math.max(maxPercentileDifferenceOnInputScale,
                    other.maxPercentileDifferenceOnInputScale);
        }

        @Override
        public String toString() {
            return points + " points compared, " + exact + " bit-identical, max relative difference "
                    + maxRelativeDifference + " (outside percentiles " + maxRelativeDifferenceOutsidePercentiles
                    + "; percentiles on their input scale " + maxPercentileDifferenceOnInputScale + "), "
                    + errorsCompared + " identical errors";
        }
    }

    @Test
    void processedAggregatesMatchCarbonara() throws Exception {
        Comparison comparison = new Comparison();
        List<String> methods = new ArrayList<>(BASE_METHODS);
        BASE_METHODS.forEach(m -> methods.add("rate:" + m));
        Oracle oracle = new Oracle();
        List<Runnable> checks = new ArrayList<>();
        for (int seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            for (long g : GRANULARITIES) {
                Points raw = randomSeries(random, 1 + random.nextInt(250), 10 * g / 7 + 1);
                ArchivePolicy policy = new ArchivePolicy("cmp", 100_000,
                        List.of(new ArchivePolicyItem(g, null)), Set.copyOf(methods));
                Stores stores = new Stores();
                UUID id = stores.processInRandomRuns(raw, policy, random);
                double scale = maxAbs(raw);
                for (String method : methods) {
                    Supplier<Oracle.Answer> answer = oracle.ask("{\"op\":\"aggregate\",\"points\":" + json(raw)
                            + ",\"granularity\":" + g + ",\"method\":\"" + method + "\"}");
                    String what = "seed " + seed + " granularity " + g + " " + method;
                    checks.add(() -> {
                        Points ours = stores.aggregates.read(id, new Aggregation(method, g), Long.MIN_VALUE,
                                Long.MAX_VALUE);
                        comparison.compare(what, keys(ours), values(ours), answer.get(), 2 * scale);
                    });
                }
            }
        }
        oracle.run();
        checks.forEach(Runnable::run);
        record("processed aggregates", comparison);
    }

    @Test
    void resampledReadsMatchCarbonara() throws Exception {
        Comparison comparison = new Comparison();
        Oracle oracle = new Oracle();
        List<Runnable> checks = new ArrayList<>();
        List<String> methods = new ArrayList<>(BASE_METHODS);
        methods.add("rate:mean");
        methods.add("rate:95pct");
        for (int seed = 1; seed <= 6; seed++) {
            Random random = new Random(100 + seed);
            for (String method : methods) {
                boolean calendar = !method.startsWith("rate:") && random.nextInt(3) == 0;
                long g = calendar ? 86_400 * S : GRANULARITIES.get(random.nextInt(GRANULARITIES.size()));
                Points stored = randomGridSeries(random, g, 1 + random.nextInt(400), calendar ? 0.1 : 0.6);
                String sampling = calendar ? List.of("Y", "H", "Q", "M", "W").get(random.nextInt(5))
                        : String.valueOf(g * (2 + random.nextInt(12)));
                String samplingText = calendar ? sampling : String.valueOf(Long.parseLong(sampling) / 1e9);
                InMemoryAggregateStore aggregates = new InMemoryAggregateStore();
                Metric metric = metric();
                aggregates.write(metric.id(), new Aggregation(method, g), stored, 0);
                ArchivePolicy policy = new ArchivePolicy("cmp", 0, List.of(new ArchivePolicyItem(g, null)),
                        Set.of(method));
                Supplier<Oracle.Answer> answer = oracle.ask("{\"op\":\"resample\",\"points\":" + json(stored)
                        + ",\"granularity\":" + g + ",\"method\":\"" + method + "\",\"sampling\":"
                        + (calendar ? "\"" + sampling + "\"" : sampling) + "}");
                String what = "seed " + seed + " " + method + " resample " + sampling;
                double scale = maxAbs(stored);
                checks.add(() -> {
                    List<AggregatedPoint> ours = new MeasuresReader(aggregates).read(metric, policy,
                            new MeasuresQuery(null, null, method, g, samplingText, null));
                    comparison.compare(what, pointKeys(ours), pointValues(ours), answer.get(), 2 * scale);
                });
            }
        }
        oracle.run();
        checks.forEach(Runnable::run);
        record("resampled reads", comparison);
    }

    @Test
    void crossMetricAggregationMatchesGnocchi() throws Exception {
        Comparison comparison = new Comparison();
        Oracle oracle = new Oracle();
        List<Runnable> checks = new ArrayList<>();
        List<String> aggregations = List.of("mean", "max", "min", "sum", "median", "count", "std", "last", "50pct",
                "rate:mean");
        List<String> reaggregations = List.of("mean", "median", "std", "var", "min", "max", "sum", "count",
                "rate:mean", "rate:sum", "rate:max");
        List<Fill> fills = List.of(Fill.NONE, Fill.NONE, Fill.NULL, Fill.DROPNA, Fill.of(0), Fill.of(-1.5));
        for (int seed = 1; seed <= 240; seed++) {
            Random random = new Random(1000 + seed);
            long g = GRANULARITIES.get(random.nextInt(GRANULARITIES.size()));
            String aggregation = aggregations.get(random.nextInt(aggregations.size()));
            String reaggregation = reaggregations.get(random.nextInt(reaggregations.size()));
            Fill fill = fills.get(random.nextInt(fills.size()));
            double neededOverlap = List.of(100.0, 100.0, 50.0, 0.0).get(random.nextInt(4));
            Long start = random.nextInt(3) == 0 ? BASE + random.nextInt(40) * g : null;
            Long stop = random.nextInt(3) == 0 ? BASE + (20 + random.nextInt(60)) * g : null;
            Long sampling = random.nextInt(3) == 0 ? g * (2 + random.nextInt(5)) : null;

            InMemoryAggregateStore aggregates = new InMemoryAggregateStore();
            ArchivePolicy policy = new ArchivePolicy("cmp", 0, List.of(new ArchivePolicyItem(g, null)),
                    Set.of(aggregation));
            List<MetricAndPolicy> metrics = new ArrayList<>();
            StringBuilder series = new StringBuilder();
            double scale = 0;
            int count = 2 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                Metric metric = metric();
                Points points = randomGridSeries(random, g, 60, 0.3 + 0.7 * random.nextDouble());
                aggregates.write(metric.id(), new Aggregation(aggregation, g), points, 0);
                metrics.add(new MetricAndPolicy(metric, policy));
                series.append(i == 0 ? "" : ",").append("{\"id\":\"").append(metric.id()).append("\",\"granularity\":")
                        .append(g).append(",\"points\":").append(json(points)).append('}');
                scale = Math.max(scale, maxAbs(points));
            }
            String fillJson = switch (fill.kind()) {
                case NONE -> "null";
                case NULL -> "\"null\"";
                case DROPNA -> "\"dropna\"";
                case VALUE -> Double.toString(fill.value());
                default -> throw new IllegalArgumentException("Gnocchi 4.4 has no fill " + fill.kind());
            };
            Supplier<Oracle.Answer> answer = oracle.ask("{\"op\":\"cross\",\"series\":[" + series
                    + "],\"aggregation\":\"" + aggregation + "\",\"reaggregation\":\"" + reaggregation
                    + "\",\"start\":" + start + ",\"stop\":" + stop + ",\"needed_overlap\":" + neededOverlap
                    + ",\"fill\":" + fillJson + ",\"sampling\":" + sampling + "}");
            CrossMetricQuery query = new CrossMetricQuery(start, stop, aggregation, reaggregation, g,
                    sampling == null ? null : String.valueOf(sampling / 1e9), neededOverlap, fill);
            String what = "seed " + seed + " " + query;
            double finalScale = scale * count * 4;
            checks.add(() -> {
                Oracle.Answer theirs = answer.get();
                List<AggregatedPoint> ours;
                try {
                    ours = new CrossMetricAggregator(new MeasuresReader(aggregates)).aggregate(metrics, query);
                } catch (UnaggregableTimeseriesException e) {
                    assertThat(theirs.error()).as(what).isEqualTo(e.getMessage());
                    comparison.errorsCompared++;
                    return;
                }
                comparison.compare(what, pointKeys(ours), pointValues(ours), theirs, finalScale);
            });
        }
        oracle.run();
        checks.forEach(Runnable::run);
        assertThat(comparison.errorsCompared).as("some cases must exercise the overlap errors").isPositive();
        record("cross-metric aggregation", comparison);
    }

    private static synchronized void record(String what, Comparison comparison) {
        System.out.println("CarbonaraComparisonIT " + what + ": " + comparison);
        assertThat(comparison.points).as("points compared").isGreaterThan(500);
        TOTAL.add(comparison);
    }

    /** The raw points of a metric processed by the real processor over in-memory stores. */
    private static final class Stores {
        final InMemoryIncomingMeasures incoming = new InMemoryIncomingMeasures(1);
        final InMemoryAggregateStore aggregates = new InMemoryAggregateStore();
        final MetricProcessor processor = new MetricProcessor(incoming, new InMemoryRawPointStore(), aggregates);

        UUID processInRandomRuns(Points raw, ArchivePolicy policy, Random random) {
            Metric metric = metric();
            List<Measure> shuffled = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                shuffled.add(new Measure(raw.timestamp(i), raw.value(i)));
            }
            java.util.Collections.shuffle(shuffled, random);
            int i = 0;
            while (i < shuffled.size()) {
                int n = 1 + random.nextInt(Math.max(1, shuffled.size() / 3));
                incoming.add(Map.of(metric.id(), shuffled.subList(i, Math.min(shuffled.size(), i + n))));
                i += n;
                if (random.nextBoolean()) {
                    processor.process(metric, policy);
                }
            }
            processor.process(metric, policy);
            return metric.id();
        }
    }

    private static Metric metric() {
        return new Metric(UUID.randomUUID(), "cmp", "admin", null, null, null, Metric.ACTIVE);
    }

    /** Strictly increasing random timestamps from BASE with gaps up to maxGap, and mixed-scale values. */
    private static Points randomSeries(Random random, int n, long maxGap) {
        long[] ts = new long[n];
        double[] values = new double[n];
        long t = BASE + (long) (random.nextDouble() * maxGap);
        for (int i = 0; i < n; i++) {
            ts[i] = t;
            values[i] = randomValue(random);
            t += 1 + (long) (random.nextDouble() * maxGap) / 1000 * 1000;
        }
        return new Points(ts, values);
    }

    /** Points on the multiples of g from BASE (floored), each present with the given probability. */
    private static Points randomGridSeries(Random random, long g, int slots, double presence) {
        List<Long> ts = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        long first = Math.floorDiv(BASE, g) * g;
        for (int i = 0; i < slots; i++) {
            if (random.nextDouble() < presence) {
                ts.add(first + i * g);
                values.add(randomValue(random));
            }
        }
        return new Points(ts.stream().mapToLong(Long::longValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double randomValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(21) - 10;
            case 1 -> (random.nextDouble() - 0.5) * 2000;
            case 2 -> 1e9 + random.nextDouble();
            default -> random.nextGaussian() * 1e-3;
        };
    }

    private static double maxAbs(Points p) {
        double m = 0;
        for (double v : p.values()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static String json(Points p) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < p.size(); i++) {
            b.append(i == 0 ? "" : ",").append('[').append(p.timestamp(i)).append(',').append(p.value(i)).append(']');
        }
        return b.append(']').toString();
    }

    private static List<long[]> keys(Points p) {
        List<long[]> keys = new ArrayList<>();
        for (long t : p.timestamps()) {
            keys.add(new long[] {t});
        }
        return keys;
    }

    private static List<Double> values(Points p) {
        List<Double> values = new ArrayList<>();
        for (double v : p.values()) {
            values.add(v);
        }
        return values;
    }

    private static List<long[]> pointKeys(List<AggregatedPoint> points) {
        return points.stream().map(p -> new long[] {p.timestampNanos()}).toList();
    }

    private static List<Double> pointValues(List<AggregatedPoint> points) {
        return points.stream().map(AggregatedPoint::value).toList();
    }

    /** Runs carbonara_oracle.py once over all the cases asked, then hands out the answers. */
    static final class Oracle {
        record Answer(List<Long> timestamps, List<Double> values, String error) {
        }

        private final List<String> cases = new ArrayList<>();
        private final Map<Integer, Answer> answers = new TreeMap<>();

        Supplier<Answer> ask(String caseJson) {
            int index = cases.size();
            cases.add(caseJson);
            return () -> {
                Answer a = answers.get(index);
                if (a == null) {
                    throw new IllegalStateException("no answer for case " + index + ": " + cases.get(index));
                }
                return a;
            };
        }

        void run() throws IOException, InterruptedException {
            Path script = Files.createTempFile("carbonara_oracle", ".py");
            try (InputStream in = CarbonaraComparisonIT.class.getResourceAsStream("carbonara_oracle.py")) {
                assertThat(in).as("carbonara_oracle.py on the test classpath").isNotNull();
                Files.write(script, in.readAllBytes());
            }
            Path input = Files.createTempFile("carbonara_cases", ".json");
            Files.writeString(input, "[" + String.join(",", cases) + "]");
            Process process = new ProcessBuilder(PYTHON.toString(), script.toString())
                    .redirectInput(input.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as("oracle exit status").isZero();
            parse(output);
            Files.deleteIfExists(script);
            Files.deleteIfExists(input);
        }

        private void parse(String output) {
            Integer current = null;
            List<Long> ts = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            String error = null;
            for (String line : (output + "\ncase -1").split("\n")) {
                if (line.startsWith("case ")) {
                    if (current != null) {
                        answers.put(current, new Answer(List.copyOf(ts), List.copyOf(values), error));
                    }
                    current = Integer.parseInt(line.substring(5).trim());
                    ts.clear();
                    values.clear();
                    error = null;
                } else if (line.startsWith("point ")) {
                    String[] parts = line.split(" ");
                    ts.add(Long.parseLong(parts[1]));
                    values.add(pythonFloat(parts[3]));
                } else if (line.startsWith("error ")) {
                    error = line.substring(6);
                }
            }
            assertThat(answers).as("oracle answers").hasSize(cases.size());
        }

        private static double pythonFloat(String repr) {
            return switch (repr) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(repr);
            };
        }
    }
}

package org.polenta.core.aggregates.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.aggregates.UnaggregableTimeseriesException;
import org.polenta.core.errors.InvalidInputException;

/**
 * Each operations tree evaluated over fixed grids against what Gnocchi 4.4's operations.evaluate computed
 * (evaluator.jsonl). Where Gnocchi failed with a server error (a number where a series is needed, a method carbonara
 * cannot resample with), a 400-kind failure is expected instead.
 */
class OperationsEvaluatorTest {

    private static final long S = 1_000_000_000L;
    private static final long BASE = 1425652380L * S;
    private static final List<MetricRef> REFS = List.of(
            new MetricRef("a", "mean"), new MetricRef("b", "mean"), new MetricRef("c", "max"));
    private static final double NAN = Double.NaN;
    private static final Map<String, Grid> GRIDS = Map.of(
            "small", new Grid(1, new long[] {0, 1, 2, 3, 5, 8}, new double[][] {
                    {43.1, 12.0, -16.0, NAN, 9.0, 11.0}, {2.0, 4.0, 5.0, 10.0, NAN, 15.0}}),
            "minutes", new Grid(60, new long[] {0, 60, 120, 180, 240, 300, 360, 420, 480, 540}, new double[][] {
                    {1.5, -2.25, 3.0, 4.0, 0.0, 7.5, -8.0, 9.0, 10.0, 0.1},
                    {0.2, 0.3, -0.7, 11.0, 13.0, 2.5, 2.5, -1.0, 6.0, 5.0},
                    {100.0, 90.0, 80.0, 70.0, 60.0, 50.0, 40.0, 30.0, 20.0, 10.0}}),
            "empty", new Grid(5, new long[0], new double[][] {{}, {}}));

    record Grid(long granularitySeconds, long[] seconds, double[][] columns) {
        long[] times() {
            long[] t = new long[seconds.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = BASE + seconds[i] * S;
            }
            return t;
        }
    }

    static Stream<Arguments> cases() {
        return OracleCases.load("evaluator.jsonl").stream()
                .map(c -> Arguments.of(c.get("grid") + " " + c.get("operations"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void computesAsGnocchi(String label, Map<String, Object> c) {
        Grid grid = GRIDS.get((String) c.get("grid"));
        List<MetricRef> keys = REFS.subList(0, grid.columns().length);
        OperationsEvaluator evaluator = new OperationsEvaluator(keys, keys.stream().map(MetricRef::asList).toList());
        Operation op = new OperationsParser(List.of("operations")).parse(c.get("operations"));

        if (c.containsKey("error")) {
            Map<String, Object> error = (Map<String, Object>) c.get("error");
            var thrown = assertThatThrownBy(() -> evaluate(evaluator, op, grid));
            if ("unaggregable".equals(error.get("kind"))) {
                thrown.isInstanceOf(UnaggregableTimeseriesException.class).hasMessage((String) error.get("reason"));
            } else {
                thrown.isInstanceOf(InvalidInputException.class);
            }
            return;
        }
        Map<String, Object> expected = (Map<String, Object>) c.get("result");
        Evaluated actual = evaluate(evaluator, op, grid);
        // Gnocchi leaves a clip of two series (not three) unaggregated, then fails answering it (one column for
        // two references); two series combined are aggregated here, as they are for every binary operator.
        boolean twoSeriesClip = op instanceof Operation.Clip clip && clip.min() instanceof Operation.Metrics;
        assertThat(actual.aggregated()).as("aggregated")
                .isEqualTo(twoSeriesClip || (Boolean) expected.get("aggregated"));
        if (expected.containsKey("scalar")) {
            assertThat(actual.isSeries()).isFalse();
            assertClose(OracleCases.number(expected.get("scalar")), actual.scalar(), "scalar");
            return;
        }
        assertThat(actual.granularity()).isEqualTo((long) (OracleCases.number(expected.get("granularity")) * S));
        List<Long> times = new ArrayList<>();
        for (long t : actual.times()) {
            times.add(t);
        }
        assertThat(times).isEqualTo(((List<Number>) expected.get("times")).stream().map(Number::longValue).toList());
        List<List<Object>> columns = (List<List<Object>>) expected.get("columns");
        assertThat(actual.columns()).hasNumberOfRows(columns.size());
        for (int s = 0; s < columns.size(); s++) {
            assertThat(actual.columns()[s]).hasSize(columns.get(s).size());
            for (int t = 0; t < columns.get(s).size(); t++) {
                assertClose(OracleCases.number(columns.get(s).get(t)), actual.columns()[s][t], "[" + s + "][" + t + "]");
            }
        }
    }

    private static Evaluated evaluate(OperationsEvaluator evaluator, Operation op, Grid grid) {
        double[][] copy = new double[grid.columns().length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = grid.columns()[i].clone();
        }
        return evaluator.evaluate(op, grid.granularitySeconds() * S, grid.times(), copy);
    }

    private static void assertClose(double expected, double actual, String where) {
        assertThat(OracleCases.close(expected, actual)).as("%s: expected %s, got %s", where, expected, actual).isTrue();
    }
}

package org.polenta.core.aggregates.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.errors.StructuredInvalidInputException;

/**
 * Each operations tree against what Gnocchi 4.4's OperationsSchema answered (parser.jsonl): the validated tree's
 * Python repr, or the failure's cause, reason and detail.
 */
class OperationsParserTest {

    private static final OperationsParser PARSER = new OperationsParser(List.of("operations"));

    static Stream<Arguments> cases() {
        return OracleCases.load("parser.jsonl").stream()
                .map(c -> Arguments.of("input " + PythonValues.repr(c.get("input")), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsGnocchi(String label, Map<String, Object> c) {
        Object input = c.get("input");
        if (isAodhAggregate(input)) {
            // Deliberately lenient where Gnocchi refuses: Aodh sends one "metric" node per metric.
            assertThat(PARSER.parse(input)).isInstanceOf(Operation.Aggregate.class);
            return;
        }
        if (c.containsKey("repr")) {
            assertThat(PARSER.parse(input).repr()).isEqualTo(c.get("repr"));
            return;
        }
        StructuredInvalidInputException e = catchThrowableOfType(() -> PARSER.parse(input),
                StructuredInvalidInputException.class);
        assertThat(e).as("a failure for %s", label).isNotNull();
        assertThat(e.description()).isEqualTo(c.get("error"));
    }

    private static boolean isAodhAggregate(Object input) {
        return input instanceof List<?> l && l.size() > 3 && "aggregate".equals(l.get(0))
                && l.subList(2, l.size()).stream().allMatch(n -> n instanceof List<?> m && "metric".equals(m.get(0)));
    }

    @Test
    void readsAodhsAggregateOfSeveralMetricNodesAsOneMultiMetricNode() {
        Operation op = PARSER.parse(List.of("aggregate", "rate:mean", List.of("metric", "a", "mean"),
                List.of("metric", "b", "mean"), List.of("metric", List.of("a", "mean"), List.of("c", "mean"))));

        assertThat(op.repr()).isEqualTo("['aggregate', 'rate:mean', ['metric', ['a', 'mean'], ['b', 'mean'], "
                + "['c', 'mean']]]");
        assertThat(OperationsParser.references(op)).containsExactly(new MetricRef("a", "mean"),
                new MetricRef("b", "mean"), new MetricRef("c", "mean"));
    }

    @Test
    void refusesAnAggregateOfSeveralNodesThatAreNotAllMetricNodes() {
        StructuredInvalidInputException e = catchThrowableOfType(() -> PARSER.parse(List.of("aggregate", "mean",
                List.of("metric", "a", "mean"), List.of("abs", List.of("metric", "b", "mean")))),
                StructuredInvalidInputException.class);

        assertThat(e.reason()).isEqualTo("'aggregate' operation invalid for dictionary value @ data['operations']");
    }

    @Test
    void referencesAreListedOnceInOrderOfAppearance() {
        Operation op = PARSER.parse("(- (metric (b mean) (a max) (b mean)) (aggregate sum (metric a max)))");

        assertThat(OperationsParser.references(op))
                .containsExactly(new MetricRef("b", "mean"), new MetricRef("a", "max"));
    }

    @Test
    void aTreeOfNumbersNamesNoReference() {
        assertThat(OperationsParser.references(PARSER.parse(List.of("+", 1, 2)))).isEmpty();
    }
}

package org.polenta.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.testing.TestJson;

class ValuePredicateTest {

    /** The values every table row is evaluated on (the generator used the same). */
    private static final double[] VALUES = {0.0, 1.0, 12.0, -3.5, 27.0, 50.0, 0.5, -0.0, 1e300};

    static Stream<Arguments> queries() {
        return TestJson.lines(ValuePredicateTest.class, "value-predicates.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(columns[0], columns[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void queriesAreJudgedAndEvaluatedAsGnocchiDoes(String query, String expected) {
        Object outcome;
        try {
            ValuePredicate predicate = ValuePredicate.parse(TestJson.parse(query));
            List<Object> results = new ArrayList<>();
            for (double value : VALUES) {
                try {
                    results.add(predicate.test(value));
                } catch (InvalidInputException e) {
                    results.add("error: " + e.getMessage());
                }
            }
            outcome = Map.of("results", results);
        } catch (StructuredInvalidInputException e) {
            assertThat(e.cause()).isEqualTo("Invalid input");
            outcome = Map.of("invalid", Map.of("reason", e.reason(), "detail", e.detail()));
        } catch (InvalidInputException e) {
            outcome = Map.of("message", e.getMessage());
        }
        assertThat(outcome).isEqualTo(TestJson.parse(expected));
    }

    @Test
    void aNegativeNumberToAFractionalPowerIsABadRequest() {
        // Python makes a complex number here and Gnocchi then fails with a 500.
        ValuePredicate predicate = ValuePredicate.parse(Map.of(">", List.of(Map.of("**", 0.5), 1)));

        assertThat(predicate.test(4)).isTrue();
        assertThatThrownBy(() -> predicate.test(-4)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void divisionByZeroIsABadRequestWhateverTheOperandTypes() {
        // Python words integer division differently ("division by zero"); both are 500s in Gnocchi.
        assertThatThrownBy(() -> ValuePredicate.parse(TestJson.parse("{\"/\": [1, 0]}")).test(1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("float division by zero");
    }

    @Test
    void logicalOperatorsShortCircuitLikePythonsAnyAndAll() {
        ValuePredicate guarded = ValuePredicate.parse(TestJson.parse("{\"and\": [{\"!=\": 0}, {\">\": [{\"/\": [1, {\"+\": 0}]}, 0.5]}]}"));

        assertThat(guarded.test(0)).isFalse();
        assertThat(guarded.test(1)).isTrue();
        assertThat(guarded.test(4)).isFalse();
    }

    @Property
    void comparisonAliasesAgree(@ForAll @DoubleRange(min = -1e6, max = 1e6) double value,
                                @ForAll @DoubleRange(min = -1e6, max = 1e6) double bound) {
        for (List<String> aliases : List.of(List.of("=", "==", "eq"), List.of("<", "lt"), List.of(">", "gt"),
                List.of("<=", "≤", "le"), List.of(">=", "≥", "ge"), List.of("!=", "≠", "ne"))) {
            List<Boolean> answers = aliases.stream()
                    .map(alias -> ValuePredicate.parse(Map.of(alias, bound)).test(value)).distinct().toList();
            assertThat(answers).hasSize(1);
        }
        assertThat(ValuePredicate.parse(Map.of(">=", bound)).test(value)).isEqualTo(value >= bound);
        assertThat(ValuePredicate.parse(Map.of("<", bound)).test(value)).isEqualTo(value < bound);
    }

    @Property
    void andIsTheConjunctionOfItsParts(@ForAll @DoubleRange(min = -100, max = 100) double value,
                                       @ForAll @DoubleRange(min = -100, max = 100) double low,
                                       @ForAll @DoubleRange(min = -100, max = 100) double high) {
        ValuePredicate between = ValuePredicate.parse(Map.of("∧", List.of(Map.of("≥", low), Map.of("≤", high))));
        ValuePredicate outside = ValuePredicate.parse(Map.of("∨", List.of(Map.of("<", low), Map.of(">", high))));

        assertThat(between.test(value)).isEqualTo(value >= low && value <= high);
        assertThat(outside.test(value)).isEqualTo(!between.test(value));
    }
}

package org.polenta.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polenta.core.errors.StructuredInvalidInputException;

class AggregationMethodsTest {

    @Test
    void thereAre216MethodsHalfOfThemRates() {
        assertThat(AggregationMethods.ALL).hasSize(216)
                .contains("mean", "sum", "last", "max", "min", "std", "median", "first", "count", "1pct", "50pct", "99pct",
                        "rate:mean", "rate:count", "rate:1pct", "rate:99pct")
                .doesNotContain("0pct", "100pct", "rate:rate:mean", "*");
        assertThat(AggregationMethods.ALL.stream().filter(m -> m.startsWith("rate:"))).hasSize(108);
    }

    @Test
    void theDefaultIsGnocchisConfiguredDefault() {
        assertThat(AggregationMethods.DEFAULT).containsExactlyInAnyOrder("mean", "min", "max", "sum", "std", "count");
    }

    @Test
    void anEmptyOrModifierOnlyListStartsFromTheDefault() {
        assertThat(AggregationMethods.expand(List.of())).isEqualTo(AggregationMethods.DEFAULT);
        assertThat(AggregationMethods.expand(List.of("-mean", "+rate:mean", "+median")))
                .containsExactlyInAnyOrder("min", "max", "sum", "std", "count", "rate:mean", "median");
    }

    @Test
    void aStarStartsFromEverything() {
        assertThat(AggregationMethods.expand(List.of("*"))).isEqualTo(AggregationMethods.ALL);
        assertThat(AggregationMethods.expand(List.of("-rate:mean", "*", "mean"))).hasSize(215).doesNotContain("rate:mean");
    }

    @Test
    void plainNamesStartFromThemselves() {
        assertThat(AggregationMethods.expand(List.of("rate:mean", "rate:last"))).containsExactlyInAnyOrder("rate:mean", "rate:last");
        assertThat(AggregationMethods.expand(List.of("max", "-max", "+min"))).containsExactly("min");
    }

    @Test
    void modifiersApplyInTheOrderGiven() {
        assertThat(AggregationMethods.expand(List.of("-mean", "+mean"))).contains("mean");
        assertThat(AggregationMethods.expand(List.of("+mean", "-mean"))).doesNotContain("mean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wtf", "0pct", "100pct", "-*", "+*", "rate:*", "Mean", " mean", "rate:", "-", "+"})
    void unknownEntriesAreRefusedWhereTheyStand(String entry) {
        assertThatThrownBy(() -> AggregationMethods.expand(List.of("mean", entry)))
                .isInstanceOf(StructuredInvalidInputException.class)
                .hasMessage("not a valid value @ data['aggregation_methods'][1]");
    }

    @Property
    void theResultIsAlwaysASubsetOfTheValidMethods(@ForAll("entries") List<String> requested) {
        Set<String> methods = AggregationMethods.expand(requested);

        assertThat(AggregationMethods.ALL).containsAll(methods);
        for (String entry : requested) {
            if (entry.startsWith("-") && requested.lastIndexOf(entry) > requested.lastIndexOf("+" + entry.substring(1))) {
                assertThat(methods).doesNotContain(entry.substring(1));
            }
        }
        Set<String> plain = new HashSet<>(requested);
        plain.removeIf(entry -> entry.startsWith("-") || entry.startsWith("+") || entry.equals("*"));
        if (!requested.contains("*") && !plain.isEmpty()) {
            Set<String> allowed = new HashSet<>(plain);
            requested.stream().filter(e -> e.startsWith("+")).forEach(e -> allowed.add(e.substring(1)));
            assertThat(allowed).containsAll(methods);
        }
    }

    @Provide
    Arbitrary<List<String>> entries() {
        List<String> methods = List.copyOf(AggregationMethods.ALL);
        Arbitrary<String> method = Arbitraries.of(methods);
        Arbitrary<String> entry = Arbitraries.oneOf(method, method.map(m -> "+" + m), method.map(m -> "-" + m), Arbitraries.just("*"));
        return entry.list().ofMaxSize(8);
    }
}

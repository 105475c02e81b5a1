package org.polenta.core.aggregates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BucketFunctionsTest {

    private static final double[] VALUES = {4.0, -1.0, 7.5, 2.0, 10.0};

    private static double apply(String method, double... values) {
        return AggregationMethod.of(method).function().apply(values, 0, values.length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "mean, 4.5",
            "sum, 22.5",
            "first, 4.0",
            "last, 10.0",
            "min, -1.0",
            "max, 10.0",
            "count, 5.0",
            "median, 4.0",
    })
    void simpleFunctionsOnFiveValues(String method, double expected) {
        assertThat(apply(method, VALUES)).isEqualTo(expected);
    }

    @Test
    void appliesOnlyToTheGivenRange() {
        double[] values = {100, 1, 2, 3, 100};
        assertThat(AggregationMethod.of("sum").function().apply(values, 1, 4)).isEqualTo(6.0);
        assertThat(AggregationMethod.of("first").function().apply(values, 1, 4)).isEqualTo(1.0);
        assertThat(AggregationMethod.of("last").function().apply(values, 1, 4)).isEqualTo(3.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(apply("median", 9, 1, 3, 4)).isEqualTo(3.5);
    }

    @Test
    void stdIsTheSampleStandardDeviation() {
        // mean 4.5, squared deviations 0.25+30.25+9+6.25+30.25 = 76, / (n-1) = 19
        assertThat(apply("std", VALUES)).isEqualTo(Math.sqrt(19.0));
    }

    @Test
    void stdIsUndefinedForASinglePoint() {
        BucketFunction std = AggregationMethod.of("std").function();
        assertThat(std.definedFor(1)).isFalse();
        assertThat(std.definedFor(2)).isTrue();
        assertThat(AggregationMethod.of("mean").function().definedFor(1)).isTrue();
    }

    @Test
    void percentilesInterpolateBetweenClosestRanks() {
        // sorted: -1, 2, 4, 7.5, 10; position (n-1)*q/100
        assertThat(apply("50pct", VALUES)).isEqualTo(4.0);
        assertThat(apply("25pct", VALUES)).isEqualTo(2.0);
        assertThat(apply("90pct", VALUES)).isCloseTo(7.5 * 0.4 + 10 * 0.6, within(1e-12));
        assertThat(apply("1pct", VALUES)).isCloseTo(-1 * 0.96 + 2 * 0.04, within(1e-12));
        assertThat(apply("99pct", 5.0)).isEqualTo(5.0);
    }

    @Test
    void maxIsNanWhenAnyValueIsNanButMinSkipsNan() {
        // numpy's argsort puts NaN last: carbonara's max picks it, its min never does unless all are NaN.
        assertThat(apply("max", 1, Double.NaN, 3)).isNaN();
        assertThat(apply("min", 1, Double.NaN, 3)).isEqualTo(1.0);
        assertThat(apply("min", Double.NaN, Double.NaN)).isNaN();
        assertThat(apply("median", 1, Double.NaN, 3)).isEqualTo(3.0);
        assertThat(apply("mean", 1, Double.NaN)).isNaN();
    }

    @Test
    void sumsLeftToRightLikeBincount() {
        double[] values = {1e16, 1.0, -1e16, 1.0};
        assertThat(apply("sum", values)).isEqualTo(((1e16 + 1.0) - 1e16) + 1.0);
    }

    @Test
    void knowsEveryGnocchiMethodAndNoOther() {
        for (String base : new String[] {"mean", "sum", "last", "max", "min", "std", "median", "first", "count"}) {
            assertThat(AggregationMethod.find(base)).isPresent();
            assertThat(AggregationMethod.find("rate:" + base)).get().extracting(AggregationMethod::rate).isEqualTo(true);
        }
        for (int q = 1; q <= 99; q++) {
            assertThat(AggregationMethod.find(q + "pct")).isPresent();
            assertThat(AggregationMethod.find("rate:" + q + "pct")).isPresent();
        }
        assertThat(AggregationMethod.find("0pct")).isEmpty();
        assertThat(AggregationMethod.find("100pct")).isEmpty();
        assertThat(AggregationMethod.find("05pct")).isEmpty();
        assertThat(AggregationMethod.find("var")).isEmpty();
        assertThat(AggregationMethod.find("rate:rate:mean")).isEmpty();
        assertThat(AggregationMethod.find(null)).isEmpty();
        assertThatThrownBy(() -> AggregationMethod.of("wtf")).hasMessage("Unknown aggregation method `wtf'");
    }
}

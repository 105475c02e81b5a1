package org.polenta.core.aggregates;

import org.polenta.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesAggregatorTest {

    static final long S = 1_000_000_000L;
    static final long MINUTE = 60 * S;

    static long at(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * S + i.getNano();
    }

    static Points points(long[] ts, double[] values) {
        return new Points(ts, values);
    }

    // The series of Gnocchi's metric-derived.yaml gabbit.
    static final Points DERIVED = points(new long[] {
            at("2015-03-06T14:33:00Z"), at("2015-03-06T14:34:10Z"), at("2015-03-06T14:34:20Z"),
            at("2015-03-06T14:34:30Z"), at("2015-03-06T14:34:40Z"), at("2015-03-06T14:34:50Z"),
            at("2015-03-06T14:35:00Z"), at("2015-03-06T14:35:10Z"), at("2015-03-06T14:35:20Z"),
            at("2015-03-06T14:35:30Z"), at("2015-03-06T14:35:40Z"), at("2015-03-06T14:35:50Z"),
            at("2015-03-06T14:36:00Z"), at("2015-03-06T14:36:10Z"), at("2015-03-06T14:36:20Z"),
            at("2015-03-06T14:36:30Z"), at("2015-03-06T14:36:40Z"), at("2015-03-06T14:36:50Z")},
            new double[] {10, 13, 13, 15, 18, 20, 22, 26, 30, 31, 37, 55, 62, 100, 102, 103, 104, 110});

    private static Points aggregate(Points p, String method) {
        return SeriesAggregator.aggregate(p, new FixedGrouping(MINUTE), AggregationMethod.of(method));
    }

    @Test
    void rateMethodsAggregateDifferencesAndTheFirstPointHasNone() {
        Points rateMean = aggregate(DERIVED, "rate:mean");
        assertThat(rateMean.timestamps()).containsExactly(
                at("2015-03-06T14:34:00Z"), at("2015-03-06T14:35:00Z"), at("2015-03-06T14:36:00Z"));
        assertThat(rateMean.values()).containsExactly(2.0, 5.833333333333333, 9.166666666666666);
        assertThat(aggregate(DERIVED, "rate:95pct").values()).containsExactly(3.0, 15.0, 30.25);
        assertThat(aggregate(DERIVED, "rate:max").values()).containsExactly(3.0, 18.0, 38.0);
    }

    @Test
    void plainMethodsGroupByFlooredTimestamp() {
        Points max = aggregate(DERIVED, "max");
        assertThat(max.timestamps()).containsExactly(at("2015-03-06T14:33:00Z"), at("2015-03-06T14:34:00Z"),
                at("2015-03-06T14:35:00Z"), at("2015-03-06T14:36:00Z"));
        assertThat(max.values()).containsExactly(10.0, 20.0, 55.0, 110.0);
        assertThat(aggregate(DERIVED, "count").values()).containsExactly(1.0, 5.0, 6.0, 6.0);
    }

    @Test
    void stdLeavesOutSinglePointBuckets() {
        Points std = aggregate(DERIVED, "std");
        assertThat(std.timestamps()).doesNotContain(at("2015-03-06T14:33:00Z")).hasSize(3);
    }

    @Test
    void rateOfASinglePointIsEmpty() {
        Points one = points(new long[] {5 * S}, new double[] {3});
        assertThat(aggregate(one, "rate:sum").isEmpty()).isTrue();
        assertThat(aggregate(Points.EMPTY, "mean").isEmpty()).isTrue();
    }

    @Test
    void calendarGroupingRefusesRateMethods() {
        assertThatThrownBy(() -> SeriesAggregator.aggregate(DERIVED, CalendarGrouping.M,
                AggregationMethod.of("rate:mean"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sampledByCalendarMonth() {
        Points daily = points(new long[] {at("2015-03-01T00:00:00Z"), at("2015-03-06T00:00:00Z"),
                at("2015-04-01T00:00:00Z")}, new double[] {10, 12, 2});
        Points monthly = SeriesAggregator.aggregate(daily, CalendarGrouping.M, AggregationMethod.of("mean"));
        assertThat(monthly.timestamps()).containsExactly(at("2015-03-01T00:00:00Z"), at("2015-04-01T00:00:00Z"));
        assertThat(monthly.values()).containsExactly(11.0, 2.0);
    }
}

package org.polenta.core.aggregates;

import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.NoSuchEntityException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.polenta.core.aggregates.StoredMetrics.DEFAULT_METHODS;
import static org.polenta.core.aggregates.StoredMetrics.S;
import static org.polenta.core.aggregates.StoredMetrics.at;
import static org.polenta.core.aggregates.StoredMetrics.item;
import static org.polenta.core.aggregates.StoredMetrics.policy;
import static org.polenta.core.aggregates.StoredMetrics.row;
import static org.polenta.core.aggregates.StoredMetrics.rows;

/** The situations of Gnocchi's aggregation.yaml gabbit, with its expected answers. */
class CrossMetricAggregatorTest {

    private final StoredMetrics stored = new StoredMetrics();
    private final CrossMetricAggregator aggregator = new CrossMetricAggregator(stored.reader);
    private final ArchivePolicy low = policy(DEFAULT_METHODS, item(1, null), item(300, null));
    private final MetricAndPolicy one = stored.metric(low,
            "2015-03-06T14:33:57Z", 43.1, "2015-03-06T14:34:12Z", 12);
    private final MetricAndPolicy two = stored.metric(low,
            "2015-03-06T14:33:57Z", 3.1, "2015-03-06T14:34:12Z", 2, "2015-03-06T14:35:12Z", 5);

    private static CrossMetricQuery query() {
        return new CrossMetricQuery(null, null, null, null, null, null, null, null);
    }

    private List<List<Object>> aggregate(CrossMetricQuery q, MetricAndPolicy... metrics) {
        return rows(aggregator.aggregate(List.of(metrics), q));
    }

    private static CrossMetricQuery granularity(long g) {
        return new CrossMetricQuery(null, null, null, null, g, null, null, null);
    }

    @Test
    void meanOfTheOverlappingTimestamps() {
        assertThat(aggregate(granularity(S), one, two)).containsExactly(
                row("2015-03-06T14:33:57Z", 1.0, 23.1), row("2015-03-06T14:34:12Z", 1.0, 7.0));
    }

    @Test
    void startAndStopKeepTheBucketsTheyCover() {
        CrossMetricQuery q = new CrossMetricQuery(at("2015-03-06T14:33:57Z"), at("2015-03-06T14:34:00Z"),
                null, null, null, null, null, null);
        assertThat(aggregate(q, one, two)).containsExactly(
                row("2015-03-06T14:30:00Z", 300.0, 15.05), row("2015-03-06T14:33:57Z", 1.0, 23.1));
    }

    @Test
    void reaggregatesWithAnotherMethod() {
        CrossMetricQuery q = new CrossMetricQuery(null, null, null, "min", null, null, null, null);
        assertThat(aggregate(q, one, two)).containsExactly(
                row("2015-03-06T14:30:00Z", 300.0, 2.55),
                row("2015-03-06T14:33:57Z", 1.0, 3.1),
                row("2015-03-06T14:34:12Z", 1.0, 2.0));
    }

    @Test
    void resamplesEachMetricBeforeAggregating() {
        CrossMetricQuery q = new CrossMetricQuery(null, null, null, null, S, "60", null, null);
        assertThat(aggregate(q, one, two)).containsExactly(
                row("2015-03-06T14:33:00Z", 60.0, 23.1), row("2015-03-06T14:34:00Z", 60.0, 7.0));
    }

    @Test
    void fillWithANumberOrNull() {
        CrossMetricQuery zero = new CrossMetricQuery(null, null, null, null, S, null, null, Fill.parse("0"));
        assertThat(aggregate(zero, one, two)).containsExactly(
                row("2015-03-06T14:33:57Z", 1.0, 23.1), row("2015-03-06T14:34:12Z", 1.0, 7.0),
                row("2015-03-06T14:35:12Z", 1.0, 2.5));
        CrossMetricQuery nul = new CrossMetricQuery(null, null, null, null, S, null, null, Fill.parse("null"));
        assertThat(aggregate(nul, one, two)).containsExactly(
                row("2015-03-06T14:33:57Z", 1.0, 23.1), row("2015-03-06T14:34:12Z", 1.0, 7.0),
                row("2015-03-06T14:35:12Z", 1.0, 5.0));
        CrossMetricQuery all = new CrossMetricQuery(null, null, null, null, null, null, null, Fill.parse("0"));
        assertThat(aggregate(all, one, two)).containsExactly(
                row("2015-03-06T14:30:00Z", 300.0, 15.05), row("2015-03-06T14:35:00Z", 300.0, 2.5),
                row("2015-03-06T14:33:57Z", 1.0, 23.1), row("2015-03-06T14:34:12Z", 1.0, 7.0),
                row("2015-03-06T14:35:12Z", 1.0, 2.5));
    }

    @Test
    void dropnaLeavesOutNanResults() {
        CrossMetricQuery q = new CrossMetricQuery(null, null, null, "std", S, null, null, Fill.DROPNA);
        // nanstd of a lone value is 0, not NaN; max with a missing metric is still the other's value
        assertThat(aggregate(q, one, two)).hasSize(3);
        CrossMetricQuery rate = new CrossMetricQuery(null, null, null, "rate:sum", S, null, null, Fill.DROPNA);
        assertThat(aggregate(rate, one, two)).containsExactly(
                row("2015-03-06T14:34:12Z", 1.0, (12 + 2) - (43.1 + 3.1)), row("2015-03-06T14:35:12Z", 1.0, 5 - 14.0));
    }

    @Test
    void notEnoughOverlapIsA400NamingTheSeries() {
        CrossMetricQuery q = new CrossMetricQuery(at("2015-03-06T14:33:57Z"), at("2015-03-06T14:36:00Z"),
                null, null, S,
                null, null, null);
        UnaggregableTimeseriesException e = catchThrowableOfType(UnaggregableTimeseriesException.class,
                () -> aggregate(q, one, two));
        assertThat(e.description()).isEqualTo(Map.of(
                "cause", "Metrics can't being aggregated",
                "reason", "Less than 100.000000% of datapoints overlap in this timespan (66.67%)",
                "detail", List.of(List.of(one.metric().id().toString(), "mean"),
                        List.of(two.metric().id().toString(), "mean"))));
        CrossMetricQuery relaxed = new CrossMetricQuery(null, at("2015-03-06T14:36:00Z"), null, null, S, null,
                60.0, null);
        assertThat(aggregate(relaxed, one, two)).hasSize(3);
    }

    @Test
    void noOverlapAtAll() {
        MetricAndPolicy later = stored.metric(low, "2016-01-01T00:00:00Z", 1);
        assertThatThrownBy(() -> aggregate(granularity(S), one, later))
                .isInstanceOf(UnaggregableTimeseriesException.class).hasMessage("No overlap");
    }

    @Test
    void unknownMethodWithSeveralMetricsIsGnocchisTextual404() {
        CrossMetricQuery q = new CrossMetricQuery(null, null, "wtf", null, null, null, null, null);
        assertThatThrownBy(() -> aggregate(q, one, two)).isInstanceOf(NoSuchEntityException.class)
                .hasMessage("Aggregation method 'wtf' at granularity '1.0' for metric " + one.metric().id()
                        + " does not exist");
    }

    @Test
    void unknownMethodWithOneMetricIsTheStructured404() {
        CrossMetricQuery q = new CrossMetricQuery(null, null, "last", null, null, null, null, null);
        assertThatThrownBy(() -> aggregate(q, one)).isInstanceOf(AggregationMethodNotInPolicyException.class);
    }

    @Test
    void unknownGranularityIsA404() {
        assertThatThrownBy(() -> aggregate(granularity(42 * S), one)).isInstanceOf(NoSuchEntityException.class)
                .hasMessageStartingWith("Aggregation method 'mean' at granularity '42.0' for metric");
    }

    @Test
    void aLoneMetricIsReadAsItIs() {
        assertThat(aggregate(granularity(S), two)).containsExactly(
                row("2015-03-06T14:33:57Z", 1.0, 3.1), row("2015-03-06T14:34:12Z", 1.0, 2.0),
                row("2015-03-06T14:35:12Z", 1.0, 5.0));
        assertThat(aggregate(query())).isEmpty();
    }

    @Test
    void noCommonGranularity() {
        MetricAndPolicy minutely = stored.metric(policy(DEFAULT_METHODS, item(60, null)), "2015-03-06T14:33:57Z", 1);
        assertThatThrownBy(() -> aggregate(query(), one, minutely))
                .isInstanceOf(UnaggregableTimeseriesException.class).hasMessage("No granularity match");
    }

    @Test
    void aReaggregationGnocchiCannotDoIsA400NotACrash() {
        ArchivePolicy withLast = policy(Set.of("mean", "last"), item(1, null));
        MetricAndPolicy a = stored.metric(withLast, "2015-03-06T14:33:57Z", 1);
        MetricAndPolicy b = stored.metric(withLast, "2015-03-06T14:33:57Z", 2);
        CrossMetricQuery q = new CrossMetricQuery(null, null, "last", null, null, null, null, null);
        assertThatThrownBy(() -> aggregate(q, a, b)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'last'");
    }

    @Test
    void resampleNeedsAGranularity() {
        CrossMetricQuery q = new CrossMetricQuery(null, null, null, null, null, "60", null, null);
        assertThatThrownBy(() -> aggregate(q, one, two)).isInstanceOf(InvalidInputException.class)
                .hasMessage("A granularity must be specified to resample");
    }
}

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

class MeasuresReaderTest {

    private final StoredMetrics stored = new StoredMetrics();
    private final ArchivePolicy twoGranularities = policy(DEFAULT_METHODS, item(1, null), item(300, null));

    private List<List<Object>> read(MetricAndPolicy m, Long start, Long stop, String aggregation, Long granularity,
                                    String resample) {
        return rows(stored.reader.read(m.metric(), m.policy(),
                new MeasuresQuery(start, stop, aggregation, granularity, resample, null)));
    }

    private MetricAndPolicy gabbitMetric() {
        return stored.metric(twoGranularities, "2015-03-06T14:33:57Z", 43.1, "2015-03-06T14:34:12Z", 12,
                "2015-03-06T14:34:15Z", 16, "2015-03-06T14:35:12Z", 9, "2015-03-06T14:35:15Z", 11);
    }

    @Test
    void coarsestGranularityFirstThenTimeOrder() {
        assertThat(read(gabbitMetric(), null, null, null, null, null)).containsExactly(
                row("2015-03-06T14:30:00Z", 300.0, 23.7),
                row("2015-03-06T14:35:00Z", 300.0, 10.0),
                row("2015-03-06T14:33:57Z", 1.0, 43.1),
                row("2015-03-06T14:34:12Z", 1.0, 12.0),
                row("2015-03-06T14:34:15Z", 1.0, 16.0),
                row("2015-03-06T14:35:12Z", 1.0, 9.0),
                row("2015-03-06T14:35:15Z", 1.0, 11.0));
    }

    @Test
    void startIsRoundedDownToEachGranularityAndStopIsExclusive() {
        assertThat(read(gabbitMetric(), at("2015-03-06T14:34:12Z"), at("2015-03-06T14:35:12Z"), "max", null, null))
                .containsExactly(
                        row("2015-03-06T14:30:00Z", 300.0, 43.1),
                        row("2015-03-06T14:35:00Z", 300.0, 11.0),
                        row("2015-03-06T14:34:12Z", 1.0, 12.0),
                        row("2015-03-06T14:34:15Z", 1.0, 16.0));
    }

    @Test
    void resamplesTheStoredAggregatesWithTheSameMethod() {
        assertThat(read(gabbitMetric(), null, null, null, S, "60")).containsExactly(
                row("2015-03-06T14:33:00Z", 60.0, 43.1),
                row("2015-03-06T14:34:00Z", 60.0, 14.0),
                row("2015-03-06T14:35:00Z", 60.0, 10.0));
    }

    @Test
    void resamplesOnCalendarPeriods() {
        MetricAndPolicy daily = stored.metric(policy(DEFAULT_METHODS, item(86400, null)),
                "2015-03-01T14:34:12Z", 10, "2015-03-06T14:34:12Z", 12, "2015-04-01T14:34:12Z", 2,
                "2015-04-06T14:34:12Z", 4, "2015-10-06T14:34:12Z", 7, "2016-01-06T14:34:12Z", 12,
                "2016-02-06T14:34:12Z", 4);
        assertThat(read(daily, null, null, null, 86400 * S, "Q")).containsExactly(
                row("2015-01-01T00:00:00Z", "Q", 11.0),
                row("2015-04-01T00:00:00Z", "Q", 3.0),
                row("2015-10-01T00:00:00Z", "Q", 7.0),
                row("2016-01-01T00:00:00Z", "Q", 8.0));
        assertThat(read(daily, null, null, null, 86400 * S, "W")).hasSize(6);
        // Gnocchi fails on a calendar resample with start; we floor start to its period.
        assertThat(read(daily, at("2015-11-11T00:00:00Z"), null, null, 86400 * S, "Y")).containsExactly(
                row("2015-01-01T00:00:00Z", "Y", 7.0), row("2016-01-01T00:00:00Z", "Y", 8.0));
    }

    @Test
    void truncatesEachGranularityToItsPointsBeforeItsNewestPoint() {
        ArchivePolicy short1s = policy(Set.of("mean"), item(1, 2L), item(60, 10L));
        MetricAndPolicy m = stored.metric(short1s, "2015-03-06T14:00:00Z", 1, "2015-03-06T14:00:01Z", 2,
                "2015-03-06T14:00:02Z", 3, "2015-03-06T14:00:03Z", 4);
        assertThat(read(m, null, null, null, S, null)).containsExactly(
                row("2015-03-06T14:00:02Z", 1.0, 3.0), row("2015-03-06T14:00:03Z", 1.0, 4.0));
        // relative to the newest point of the series, not of the requested range
        assertThat(read(m, null, at("2015-03-06T14:00:02Z"), null, S, null)).isEmpty();
    }

    @Test
    void unknownMethodIsA404WithAStructuredDescription() {
        MetricAndPolicy m = gabbitMetric();
        AggregationMethodNotInPolicyException e = catchThrowableOfType(AggregationMethodNotInPolicyException.class,
                () -> read(m, null, null, "wtf", null, null));
        assertThat(e).isInstanceOf(NoSuchEntityException.class);
        assertThat(e.description()).isEqualTo(Map.of("cause", "Aggregation method does not exist for this metric",
                "detail", Map.of("metric", m.metric().id().toString(), "aggregation_method", "wtf")));
    }

    @Test
    void unknownGranularityIsA404AsGnocchiWordsIt() {
        MetricAndPolicy m = gabbitMetric();
        assertThatThrownBy(() -> read(m, null, null, null, 42 * S, null))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessage("Aggregation method 'mean' at granularity '42.0' for metric " + m.metric().id()
                        + " does not exist");
    }

    @Test
    void resampleNeedsAGranularityAndAValidTimespan() {
        MetricAndPolicy m = gabbitMetric();
        assertThatThrownBy(() -> read(m, null, null, null, null, "60"))
                .isInstanceOf(InvalidInputException.class).hasMessage("A granularity must be specified to resample");
        assertThatThrownBy(() -> read(m, null, null, null, S, "abc"))
                .isInstanceOf(InvalidInputException.class).hasMessage("Unable to parse timespan");
        assertThatThrownBy(() -> read(m, null, null, null, S, "-5"))
                .isInstanceOf(InvalidInputException.class).hasMessage("Timespan must be positive");
    }

    @Test
    void rateOnACalendarResampleIsA400InsteadOfGnocchisCrash() {
        MetricAndPolicy m = stored.metric(policy(Set.of("rate:mean"), item(1, null)),
                "2015-03-06T14:33:57Z", 1, "2015-03-06T14:34:12Z", 2);
        assertThatThrownBy(() -> read(m, null, null, "rate:mean", S, "M"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rate:mean").hasMessageContaining("'M'");
        assertThat(read(m, null, null, "rate:mean", S, "60")).isEmpty();
    }

    @Test
    void aMetricWithoutDataReadsEmpty() {
        MetricAndPolicy m = stored.metric(twoGranularities);
        assertThat(read(m, null, null, null, null, null)).isEmpty();
    }
}

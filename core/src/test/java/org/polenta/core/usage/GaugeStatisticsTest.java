package org.polenta.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;

class GaugeStatisticsTest {

    private static final long MIN = 60_000_000_000L;

    @Test
    void bucketsInsideThePeriodWeighTheSame() {
        Points means = new Points(new long[] {0, MIN, 2 * MIN}, new double[] {1, 2, 6});
        GaugeStatistics g = GaugeStatistics.of(means, null, MIN, 0, 3 * MIN);
        assertThat(g.mean()).isEqualTo(3.0);
        assertThat(g.max()).isEqualTo(6.0);
        assertThat(g.seconds()).isEqualTo(180.0);
    }

    @Test
    void aBucketCutByTheStartWeighsOnlyItsPartInside() {
        Points means = new Points(new long[] {0, MIN}, new double[] {10, 40});
        // 15 s of the first bucket (value 10), all 60 s of the second (value 40): (150 + 2400) / 75 = 34
        GaugeStatistics g = GaugeStatistics.of(means, null, MIN, 45_000_000_000L, 2 * MIN);
        assertThat(g.mean()).isCloseTo(34.0, within(1e-9));
        assertThat(g.seconds()).isEqualTo(75.0);
    }

    @Test
    void theMaxAggregatesGiveTheMaximumWhenThePolicyKeepsThem() {
        Points means = new Points(new long[] {0, MIN}, new double[] {10, 20});
        Points maxes = new Points(new long[] {0, MIN, 5 * MIN}, new double[] {15, 90, 1000});
        GaugeStatistics g = GaugeStatistics.of(means, maxes, MIN, 0, 2 * MIN);
        assertThat(g.max()).isEqualTo(90.0);
    }

    @Test
    void groupsAddUpAsOneSeriesAndNothingIsNaN() {
        GaugeStatistics a = GaugeStatistics.of(new Points(new long[] {0}, new double[] {2}), null, MIN, 0, MIN);
        GaugeStatistics b = GaugeStatistics.of(new Points(new long[] {0, MIN}, new double[] {5, 5}), null, MIN, 0,
                2 * MIN);
        GaugeStatistics sum = a.plus(b).plus(GaugeStatistics.NONE);
        assertThat(sum.mean()).isEqualTo(4.0);
        assertThat(sum.max()).isEqualTo(5.0);
        assertThat(GaugeStatistics.NONE.mean()).isNaN();
    }
}

package org.polenta.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;

class CounterIncreaseTest {

    private static final long MIN = 60_000_000_000L;

    private static Points minutes(double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * MIN;
        }
        return new Points(t, values);
    }

    @Test
    void aSteadyCounterGrowsByItsLastMinusTheValueBeforeThePeriod() {
        Points counter = minutes(100, 110, 130, 160, 200);
        assertThat(CounterIncrease.over(counter, 1 * MIN, 5 * MIN)).isEqualTo(100.0);
        assertThat(CounterIncrease.over(counter, 2 * MIN, 4 * MIN)).isEqualTo(50.0); // 110 -> 130 -> 160
    }

    @Test
    void afterAResetTheNewValueIsAllGrowthWhereGnocchisRateGoesNegative() {
        // 100 -> 150 (+50), restart, 20 (+20 since zero), 70 (+50)
        Points counter = minutes(100, 150, 20, 70);
        assertThat(CounterIncrease.over(counter, 0, 4 * MIN)).isEqualTo(120.0);
        double gnocchiRateSum = (150 - 100) + (20 - 150) + (70 - 20);
        assertThat(gnocchiRateSum).isEqualTo(-30.0);
    }

    @Test
    void theFirstValueEverHasNoStepAndPointsOutsideThePeriodCountNot() {
        assertThat(CounterIncrease.over(minutes(500), 0, MIN)).isZero();
        assertThat(CounterIncrease.over(minutes(1, 2, 3), 10 * MIN, 20 * MIN)).isZero();
        assertThat(CounterIncrease.over(Points.EMPTY, 0, MIN)).isZero();
    }

    @Test
    void aCounterThatFallsToZeroAddsNothing() {
        assertThat(CounterIncrease.step(40, 0)).isZero();
        assertThat(CounterIncrease.step(40, 40)).isZero();
    }
}

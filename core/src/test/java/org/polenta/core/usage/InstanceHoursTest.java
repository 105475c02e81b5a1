package org.polenta.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;

class InstanceHoursTest {

    private static final long HOUR = 3_600_000_000_000L;
    private static final long MIN = 60_000_000_000L;

    @Test
    void overlappingMetricsCountTheirCommonTimeOnce() {
        InstanceHours.Series cpu = new InstanceHours.Series(new Points(new long[] {0, HOUR}, new double[] {1, 1}), HOUR);
        InstanceHours.Series memory = new InstanceHours.Series(
                new Points(new long[] {HOUR + 30 * MIN, 3 * HOUR}, new double[] {512, 512}), MIN);
        // cpu covers [0, 2h); memory [1h30, 1h31) inside it and [3h, 3h01) outside it.
        double hours = InstanceHours.over(List.of(cpu, memory), 0, 10 * HOUR);
        assertThat(hours).isEqualTo(2.0 + 1.0 / 60);
    }

    @Test
    void thePeriodCutsTheBuckets() {
        InstanceHours.Series cpu = new InstanceHours.Series(new Points(new long[] {0, HOUR}, new double[] {1, 1}), HOUR);
        assertThat(InstanceHours.over(List.of(cpu), 30 * MIN, HOUR + 15 * MIN)).isEqualTo(0.75);
        assertThat(InstanceHours.over(List.of(cpu), 5 * HOUR, 6 * HOUR)).isZero();
        assertThat(InstanceHours.over(List.of(), 0, HOUR)).isZero();
    }
}

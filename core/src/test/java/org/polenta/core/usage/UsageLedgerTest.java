package org.polenta.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;

class UsageLedgerTest {

    @Test
    void linesAddUpPerProjectTypeMeterUnitAndKindSorted() {
        UsageLedger ledger = new UsageLedger();
        ledger.addCounter("p2", "instance", "cpu", "ns", 10);
        ledger.addCounter("p1", "instance", "cpu", "ns", 5);
        ledger.addCounter("p1", "instance", "cpu", "ns", 7);
        ledger.addCounter("p1", "instance", "cpu", "s", 1);
        GaugeStatistics two = GaugeStatistics.of(new Points(new long[] {0}, new double[] {2}), null, 1, 0, 1);
        GaugeStatistics four = GaugeStatistics.of(new Points(new long[] {0}, new double[] {4}), null, 1, 0, 1);
        ledger.addGauge("p1", "instance", "memory", null, two);
        ledger.addGauge("p1", "instance", "memory", null, four);

        List<MeterUsage> lines = ledger.meters();
        assertThat(lines).extracting(MeterUsage::projectId, MeterUsage::meter, MeterUsage::unit, MeterUsage::resources)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("p1", "cpu", "ns", 2),
                        org.assertj.core.groups.Tuple.tuple("p1", "cpu", "s", 1),
                        org.assertj.core.groups.Tuple.tuple("p1", "memory", "", 2),
                        org.assertj.core.groups.Tuple.tuple("p2", "cpu", "ns", 1));
        assertThat(lines.get(0).increase()).isEqualTo(12.0);
        assertThat(lines.get(2).gauge().mean()).isEqualTo(3.0);
        assertThat(lines.get(2).gauge().max()).isEqualTo(4.0);
    }

    @Test
    void instanceHoursAddUpPerProjectAndFlavor() {
        UsageLedger ledger = new UsageLedger();
        ledger.addInstance("p1", "m1.small", 2);
        ledger.addInstance("p1", "m1.small", 3);
        ledger.addInstance("p1", "m1.large", 1);
        ledger.addInstance(null, null, 1);
        assertThat(ledger.instanceHours()).containsExactly(new FlavorHours("", "", 1, 1),
                new FlavorHours("p1", "m1.large", 1, 1), new FlavorHours("p1", "m1.small", 2, 5));
    }
}

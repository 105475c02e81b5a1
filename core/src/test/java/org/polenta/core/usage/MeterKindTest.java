package org.polenta.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;

class MeterKindTest {

    private static ArchivePolicy policy(String name, String... methods) {
        return new ArchivePolicy(name, 0, List.of(new ArchivePolicyItem(300_000_000_000L, 8640L)), Set.of(methods));
    }

    @Test
    void ceilometersRatePoliciesHoldCountersAndTheOthersGauges() {
        assertThat(MeterKind.of(policy("ceilometer-low-rate", "mean", "rate:mean"))).isEqualTo(MeterKind.CUMULATIVE);
        assertThat(MeterKind.of(policy("ceilometer-low", "mean"))).isEqualTo(MeterKind.GAUGE);
        assertThat(MeterKind.of(policy("custom", "max", "rate:last"))).isEqualTo(MeterKind.CUMULATIVE);
        assertThat(MeterKind.of(policy("my-rate", "mean"))).isEqualTo(MeterKind.CUMULATIVE);
        assertThat(MeterKind.GAUGE.label()).isEqualTo("gauge");
    }
}

package org.polenta.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;

class UsageGranularityTest {

    private static final long S = 1_000_000_000L;
    private static final long DAY = 86_400 * S;
    // ceilometer-high: 1 s for an hour, 1 min for a day, 1 h for a year
    private static final ArchivePolicy HIGH = new ArchivePolicy("ceilometer-high", 0, List.of(
            new ArchivePolicyItem(S, 3600L), new ArchivePolicyItem(60 * S, 1440L),
            new ArchivePolicyItem(3600 * S, 8760L)), Set.of("mean"));

    @Test
    void theFinestSeriesThatStillReachesTheStart() {
        long now = 1000 * DAY;
        assertThat(UsageGranularity.choose(HIGH, null, now - 1800 * S, now).orElseThrow().granularityNanos())
                .isEqualTo(S);
        assertThat(UsageGranularity.choose(HIGH, null, now - DAY / 2, now).orElseThrow().granularityNanos())
                .isEqualTo(60 * S);
        assertThat(UsageGranularity.choose(HIGH, null, now - 30 * DAY, now).orElseThrow().granularityNanos())
                .isEqualTo(3600 * S);
        assertThat(UsageGranularity.choose(HIGH, null, now - 3000 * DAY, now).orElseThrow().granularityNanos())
                .isEqualTo(3600 * S);
    }

    @Test
    void aRequestedGranularityOrNothing() {
        assertThat(UsageGranularity.choose(HIGH, 60 * S, 0, DAY).orElseThrow().granularityNanos()).isEqualTo(60 * S);
        assertThat(UsageGranularity.choose(HIGH, 300 * S, 0, DAY)).isEmpty();
    }
}

package org.polenta.storage.cassandra.points;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitLayoutTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void splitsHoldAtMost3600PointsAndAtMostADay() {
        assertThat(SplitLayout.pointsPerSplit(SECOND)).isEqualTo(3600);
        assertThat(SplitLayout.pointsPerSplit(60 * SECOND)).isEqualTo(1440);
        assertThat(SplitLayout.pointsPerSplit(300 * SECOND)).isEqualTo(288);
        assertThat(SplitLayout.pointsPerSplit(3600 * SECOND)).isEqualTo(24);
        assertThat(SplitLayout.pointsPerSplit(86_400 * SECOND)).isEqualTo(1);
        assertThat(SplitLayout.pointsPerSplit(7 * 86_400 * SECOND)).isEqualTo(1);
        assertThat(SplitLayout.pointsPerSplit(SECOND / 1000)).isEqualTo(3600);
    }

    @Test
    void splitIndexesFloorAlsoBeforeTheEpoch() {
        long minute = 60 * SECOND;
        assertThat(SplitLayout.splitOf(0, minute)).isZero();
        assertThat(SplitLayout.splitOf(1440 * minute - 1, minute)).isZero();
        assertThat(SplitLayout.splitOf(1440 * minute, minute)).isEqualTo(1);
        assertThat(SplitLayout.splitOf(-1, minute)).isEqualTo(-1);
        assertThat(SplitLayout.spanSeconds(minute)).isEqualTo(86_400);
        assertThat(SplitLayout.spanSeconds(SECOND / 3)).isEqualTo(1200);
    }

    @Test
    void ttlsBeyondCassandrasLimitMeanForever() {
        assertThat(Ttl.of(0)).isZero();
        assertThat(Ttl.of(3600)).isEqualTo(3600);
        assertThat(Ttl.of(Ttl.MAX_SECONDS)).isEqualTo((int) Ttl.MAX_SECONDS);
        assertThat(Ttl.of(Ttl.MAX_SECONDS + 1)).isZero();
    }
}

package org.polenta.storage.cassandra.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;

class SplitAliasTest {

    @Test
    void anAliasIsItsMarkerAndTheTargetsName() {
        byte[] blob = SplitAlias.encode("mean");
        assertThat(blob).hasSize(5);
        assertThat(blob[0]).isEqualTo(SplitAlias.MARKER);
        assertThat(new String(blob, 1, 4, StandardCharsets.UTF_8)).isEqualTo("mean");
        assertThat(SplitAlias.isAlias(blob)).isTrue();
        assertThat(SplitAlias.targetOf(blob)).isEqualTo("mean");
    }

    @Test
    void anyMethodNameSurvives() {
        for (String name : new String[] {"rate:95pct", "m", "métrique-ü", "x".repeat(300)}) {
            assertThat(SplitAlias.targetOf(SplitAlias.encode(name))).isEqualTo(name);
        }
    }

    @Test
    void seriesCodecBlobsAreNeverAliases() {
        Points some = new Points(new long[] {0, 60, 120}, new double[] {1.5, -2, 0.25});
        for (Points points : new Points[] {Points.EMPTY, some}) {
            byte[] blob = SeriesCodec.encode(points, 60);
            assertThat(blob[0]).isNotEqualTo(SplitAlias.MARKER);
            assertThat(SplitAlias.isAlias(blob)).isFalse();
        }
        assertThat(SplitAlias.isAlias(null)).isFalse();
        assertThat(SplitAlias.isAlias(new byte[0])).isFalse();
        assertThat(SplitAlias.isAlias(new byte[] {SplitAlias.MARKER})).isFalse();
    }

    @Test
    void aliasesAreNotSeriesAndSeriesAreNotAliases() {
        assertThatThrownBy(() -> SeriesCodec.decode(SplitAlias.encode("mean")))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SplitAlias.targetOf(SeriesCodec.encode(Points.EMPTY, 1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SplitAlias.encode("")).isInstanceOf(IllegalArgumentException.class);
    }
}

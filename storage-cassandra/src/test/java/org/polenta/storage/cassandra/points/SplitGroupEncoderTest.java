package org.polenta.storage.cassandra.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SeriesCodec;
import org.polenta.storage.cassandra.codec.SplitAlias;

class SplitGroupEncoderTest {

    private static final Points SOME = new Points(new long[] {0, 1, 2}, new double[] {1.25, 0.0, 7});

    private static TreeMap<String, Points> group(Object... methodsAndPoints) {
        TreeMap<String, Points> group = new TreeMap<>();
        for (int i = 0; i < methodsAndPoints.length; i += 2) {
            group.put((String) methodsAndPoints[i], (Points) methodsAndPoints[i + 1]);
        }
        return group;
    }

    @Test
    void theMeanIsTheBaseWhenThereIsOne() {
        assertThat(SplitGroupEncoder.baseOf(group("max", SOME, "mean", SOME, "min", SOME))).isEqualTo("mean");
        assertThat(SplitGroupEncoder.baseOf(group("rate:max", SOME, "sum", SOME, "max", SOME))).isEqualTo("max");
        assertThat(SplitGroupEncoder.baseOf(group("rate:max", SOME, "rate:last", SOME))).isEqualTo("rate:last");
    }

    @Test
    void equalSplitsBecomeAliasesOfTheBaseAfterEveryFullBlob() {
        Points other = new Points(new long[] {0, 1, 2}, new double[] {1.25, 0.0, 8});
        List<SplitGroupEncoder.EncodedSplit> encoded = SplitGroupEncoder.encode(
            group("max", SOME, "mean", SOME, "count", other, "sum", SOME), 1);
        assertThat(encoded).extracting(SplitGroupEncoder.EncodedSplit::method)
            .containsExactly("count", "mean", "max", "sum");
        assertThat(encoded).extracting(SplitGroupEncoder.EncodedSplit::alias).containsExactly(false, false, true, true);
        assertThat(encoded.get(1).blob()).isEqualTo(SeriesCodec.encode(SOME, 1));
        assertThat(encoded.get(2).blob()).isEqualTo(SplitAlias.encode("mean"));
    }

    @Test
    void onlyBitwiseEqualSplitsAreAliased() {
        Points negativeZero = new Points(new long[] {0, 1, 2}, new double[] {1.25, -0.0, 7});
        Points shifted = new Points(new long[] {0, 1, 3}, new double[] {1.25, 0.0, 7});
        Points shorter = new Points(new long[] {0, 1}, new double[] {1.25, 0.0});
        assertThat(SplitGroupEncoder.encode(
                group("mean", SOME, "min", negativeZero, "max", shifted, "sum", shorter), 1))
            .noneMatch(SplitGroupEncoder.EncodedSplit::alias);
        Points nan = new Points(new long[] {5}, new double[] {Double.NaN});
        assertThat(SplitGroupEncoder.encode(group("mean", nan, "min", nan), 1))
            .extracting(SplitGroupEncoder.EncodedSplit::alias).containsExactly(false, true);
    }

    @Test
    void methodsThatMayBeLeftOutOfARunNeverStandForTheBase() {
        assertThat(SplitGroupEncoder.encode(group("mean", SOME, "std", SOME, "rate:mean", SOME, "unknown", SOME), 1))
            .noneMatch(SplitGroupEncoder.EncodedSplit::alias);
        assertThat(SplitGroupEncoder.mayAlias("95pct")).isTrue();
        assertThat(SplitGroupEncoder.mayAlias("last")).isTrue();
    }

    @Test
    void aGroupOfOneIsFull() {
        assertThat(SplitGroupEncoder.encode(group("max", SOME), 1)).singleElement()
            .satisfies(e -> assertThat(e.alias()).isFalse());
    }
}

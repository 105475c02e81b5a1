package org.polenta.storage.cassandra.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;

class PointsMergeTest {

    @Test
    void overlayKeepsUntouchedPointsAndLetsTheNewerWin() {
        Points older = new Points(new long[] {1, 3, 5, 7}, new double[] {10, 30, 50, 70});
        Points newer = new Points(new long[] {0, 3, 6, 9}, new double[] {-0.0, -3, -6, -9});
        assertThat(PointsMerge.overlay(older, newer)).isEqualTo(new Points(
            new long[] {0, 1, 3, 5, 6, 7, 9}, new double[] {-0.0, 10, -3, 50, -6, 70, -9}));
        assertThat(PointsMerge.overlay(Points.EMPTY, newer)).isEqualTo(newer);
        assertThat(PointsMerge.overlay(older, Points.EMPTY)).isEqualTo(older);
    }

    @Test
    void concatJoinsConsecutiveParts() {
        Points a = new Points(new long[] {1, 2}, new double[] {1, 2});
        Points b = new Points(new long[] {5}, new double[] {5});
        assertThat(PointsMerge.concat(List.of(a, b))).isEqualTo(new Points(new long[] {1, 2, 5}, new double[] {1, 2, 5}));
    }

    @Test
    void runBoundariesCutWhereTheKeyChanges() {
        Points points = new Points(new long[] {0, 5, 10, 11, 25, 26}, new double[6]);
        assertThat(PointsMerge.runBoundaries(points, ts -> ts / 10)).containsExactly(0, 2, 4, 6);
    }
}

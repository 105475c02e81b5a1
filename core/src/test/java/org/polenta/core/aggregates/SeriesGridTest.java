package org.polenta.core.aggregates;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesGridTest {

    @Test
    void laysSeriesOnTheUnionOfTheirTimestamps() {
        SeriesGrid grid = SeriesGrid.of(List.of(
                new Points(new long[] {10, 20, 30}, new double[] {1, 2, 3}),
                new Points(new long[] {20, 40}, new double[] {5, 6}),
                Points.EMPTY), Fill.NONE);
        assertThat(grid.times()).containsExactly(10, 20, 30, 40);
        assertThat(grid.columns()[0]).containsExactly(1, 2, 3, Double.NaN);
        assertThat(grid.columns()[1]).containsExactly(Double.NaN, 5, Double.NaN, 6);
        assertThat(grid.columns()[2]).containsOnly(Double.NaN);
    }

    @Test
    void sharedTimestampsAreCopiedNotShared() {
        Points a = new Points(new long[] {1, 2}, new double[] {3, 4});
        SeriesGrid grid = SeriesGrid.of(List.of(a, a), Fill.of(0));
        assertThat(grid.times()).isNotSameAs(a.timestamps()).containsExactly(1, 2);
        assertThat(grid.columns()[0]).isNotSameAs(a.values()).containsExactly(3, 4);
    }

    /** The merge gives what a sorted set of every timestamp and a search per point gave. */
    @Test
    void agreesWithTheSortedSetConstructionOnRandomSeries() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<Points> series = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int s = 0; s < count; s++) {
                TreeSet<Long> stamps = new TreeSet<>();
                int n = random.nextInt(20);
                for (int i = 0; i < n; i++) {
                    stamps.add((long) random.nextInt(40));
                }
                long[] ts = stamps.stream().mapToLong(Long::longValue).toArray();
                double[] vs = new double[ts.length];
                for (int i = 0; i < vs.length; i++) {
                    vs[i] = random.nextInt(100);
                }
                series.add(new Points(ts, vs));
            }
            Fill fill = random.nextBoolean() ? Fill.NONE : Fill.of(-1);
            SeriesGrid grid = SeriesGrid.of(series, fill);
            TreeSet<Long> union = new TreeSet<>();
            series.forEach(p -> Arrays.stream(p.timestamps()).forEach(union::add));
            long[] times = union.stream().mapToLong(Long::longValue).toArray();
            assertThat(grid.times()).containsExactly(times);
            for (int s = 0; s < series.size(); s++) {
                double[] expected = new double[times.length];
                Arrays.fill(expected, fill.filler());
                Points p = series.get(s);
                for (int i = 0; i < p.size(); i++) {
                    expected[Arrays.binarySearch(times, p.timestamp(i))] = p.value(i);
                }
                fill.propagate(expected);
                assertThat(grid.columns()[s]).containsExactly(expected);
            }
        }
    }
}

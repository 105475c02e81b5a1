package org.polenta.storage.cassandra.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.AggregateStore.SeriesWrite;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;

class SplitWriteTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3600 * SECOND;

    @Test
    void seriesAreCutBySplitAndGroupedByGranularityAndTtl() {
        Points across = new Points(new long[] {HOUR - SECOND, HOUR}, new double[] {1, 2});
        Points hourly = new Points(new long[] {0, HOUR}, new double[] {3, 4});
        List<SplitWrite> splits = SplitWrite.of(List.of(
            new SeriesWrite(new Aggregation("mean", SECOND), across, 3600),
            new SeriesWrite(new Aggregation("max", SECOND), across.slice(HOUR, Long.MAX_VALUE), 3600),
            new SeriesWrite(new Aggregation("min", SECOND), across, 60),
            new SeriesWrite(new Aggregation("mean", HOUR), hourly, 0),
            new SeriesWrite(new Aggregation("sum", HOUR), Points.EMPTY, 0)));
        assertThat(splits).extracting(s -> s.granularity() + "/" + s.ttlSeconds() + "/" + s.index() + " "
                + s.buckets().keySet())
            .containsExactly("1000000000/3600/0 [mean]", "1000000000/3600/1 [max, mean]", "1000000000/60/0 [min]",
                "1000000000/60/1 [min]", "3600000000000/0/0 [mean]");
        assertThat(splits.get(1).buckets().get("mean")).isEqualTo(across.slice(HOUR, Long.MAX_VALUE));
    }

    @Test
    void theSameSeriesTwiceKeepsTheLaterBuckets() {
        Aggregation mean = new Aggregation("mean", SECOND);
        List<SplitWrite> splits = SplitWrite.of(List.of(
            new SeriesWrite(mean, new Points(new long[] {0, SECOND}, new double[] {1, 2}), 0),
            new SeriesWrite(mean, new Points(new long[] {SECOND}, new double[] {5}), 0)));
        assertThat(splits).singleElement().satisfies(s -> assertThat(s.buckets().get("mean"))
            .isEqualTo(new Points(new long[] {0, SECOND}, new double[] {1, 5})));
    }
}

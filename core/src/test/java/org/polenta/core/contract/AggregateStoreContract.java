package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;

/** What every AggregateStore must do. Each test uses fresh metric ids. */
public abstract class AggregateStoreContract {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long T0 = 1_700_000_000L * SECOND / DAY * DAY;
    private static final Aggregation MEAN_1M = new Aggregation("mean", MINUTE);

    protected abstract AggregateStore aggregates();

    private AggregateStore store;
    private UUID metric;

    @BeforeEach
    void setUpStore() {
        store = aggregates();
        metric = UUID.randomUUID();
    }

    /** n buckets from start, granularity apart, valued first, first + 0.25, ... (RunOutputStoreContract uses it too). */
    static Points buckets(long start, long granularity, int n, double first) {
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start + i * granularity;
            vs[i] = first + i * 0.25;
        }
        return new Points(ts, vs);
    }

    @Test
    void writtenBucketsAreReadBack() {
        Points points = buckets(T0, MINUTE, 120, 1);
        store.write(metric, MEAN_1M, points, 0);
        assertThat(store.read(metric, MEAN_1M, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(points);
    }

    @Test
    void writeAllStoresEverySeriesAsWriteWouldAndKeepsThemApart() {
        Aggregation max1s = new Aggregation("max", SECOND);
        Aggregation mean1h = new Aggregation("mean", HOUR);
        store.write(metric, MEAN_1M, buckets(T0, MINUTE, 10, 100), 0);
        // Across split boundaries (1 s splits hold an hour), over an existing series, and with an empty one.
        Points seconds = buckets(T0 + HOUR - 30 * SECOND, SECOND, 90, 1);
        Points minutes = buckets(T0 + 5 * MINUTE, MINUTE, 10, 7);
        Points hours = buckets(T0, HOUR, 3, 2);
        store.writeAll(metric, List.of(
            new AggregateStore.SeriesWrite(max1s, seconds, 3600),
            new AggregateStore.SeriesWrite(MEAN_1M, minutes, 0),
            new AggregateStore.SeriesWrite(mean1h, hours, 0),
            new AggregateStore.SeriesWrite(new Aggregation("min", HOUR), Points.EMPTY, 0)));
        assertThat(store.read(metric, max1s, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(seconds);
        assertThat(store.read(metric, mean1h, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(hours);
        Points minuteSeries = store.read(metric, MEAN_1M, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(minuteSeries.size()).isEqualTo(15);
        assertThat(minuteSeries.slice(T0, T0 + 5 * MINUTE)).isEqualTo(buckets(T0, MINUTE, 5, 100));
        assertThat(minuteSeries.slice(T0 + 5 * MINUTE, Long.MAX_VALUE)).isEqualTo(minutes);
        assertThat(store.read(metric, new Aggregation("min", HOUR), Long.MIN_VALUE, Long.MAX_VALUE).isEmpty())
            .isTrue();
    }

    @Test
    void readAllAnswersEachMetricsSeriesInTheOrderAskedAsReadWould() {
        List<UUID> metrics = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            metrics.add(UUID.randomUUID());
            // Across days (1 m splits hold a day), one series per metric, a few metrics without any.
            if (i % 7 != 3) {
                store.write(metrics.get(i), MEAN_1M, buckets(T0 + (i - 20) * HOUR, MINUTE, 1440 + i, i), 0);
            }
        }
        store.write(metrics.get(0), new Aggregation("max", MINUTE), buckets(T0, MINUTE, 10, -1), 0);
        List<UUID> asked = new ArrayList<>(metrics);
        java.util.Collections.reverse(asked);
        for (long[] range : new long[][] {{Long.MIN_VALUE, Long.MAX_VALUE}, {T0, Long.MAX_VALUE},
                {T0 - 3 * HOUR + 30 * SECOND, T0 + DAY + 17 * MINUTE}, {T0 + 90 * DAY, Long.MAX_VALUE}}) {
            List<Points> all = store.readAllAsync(asked, MEAN_1M, range[0], range[1]).join();
            assertThat(all).hasSize(asked.size());
            for (int i = 0; i < asked.size(); i++) {
                assertThat(all.get(i)).isEqualTo(store.read(asked.get(i), MEAN_1M, range[0], range[1]));
            }
        }
        assertThat(store.readAllAsync(List.of(), MEAN_1M, Long.MIN_VALUE, Long.MAX_VALUE).join()).isEmpty();
    }

    @Test
    void bucketsWrittenWithATtlAreReadableAtOnce() {
        Points points = buckets(T0, MINUTE, 10, 1);
        store.write(metric, MEAN_1M, points, 3600);
        assertThat(store.read(metric, MEAN_1M, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(points);
    }

    @Test
    void readReturnsTheHalfOpenRangeAcrossManyDays() {
        Points points = buckets(T0 - 3 * HOUR, MINUTE, 4 * 24 * 60, 0);
        store.write(metric, MEAN_1M, points, 0);
        long from = T0 + DAY - 7 * MINUTE;
        long to = T0 + 2 * DAY + 13 * MINUTE;
        Points expected = points.slice(from, to);
        assertThat(expected.size()).isEqualTo(24 * 60 + 20);
        assertThat(store.read(metric, MEAN_1M, from, to)).isEqualTo(expected);
        assertThat(store.read(metric, MEAN_1M, from, Long.MAX_VALUE)).isEqualTo(points.slice(from, Long.MAX_VALUE));
        assertThat(store.read(metric, MEAN_1M, Long.MIN_VALUE, to)).isEqualTo(points.slice(Long.MIN_VALUE, to));
        assertThat(store.read(metric, MEAN_1M, to, from).isEmpty()).isTrue();
    }

    @Test
    void runsThatKnowTheNewestTimestampBeforeThemKeepWhatIsStored() {
        Aggregation mean1s = new Aggregation("mean", SECOND);
        store.writeAll(metric, List.of(new AggregateStore.SeriesWrite(mean1s, buckets(T0, SECOND, 10, 0), 0)),
            OptionalLong.empty());
        store.writeAll(metric, List.of(new AggregateStore.SeriesWrite(mean1s,
            buckets(T0 + 10 * SECOND, SECOND, 5, 50), 0)), OptionalLong.of(T0 + 9 * SECOND));
        // The next split (1 s splits hold an hour), then a late bucket back in the first one.
        store.writeAll(metric, List.of(new AggregateStore.SeriesWrite(mean1s,
            buckets(T0 + HOUR + 3 * SECOND, SECOND, 3, 9), 0)), OptionalLong.of(T0 + 14 * SECOND));
        store.writeAll(metric, List.of(new AggregateStore.SeriesWrite(mean1s,
            new Points(new long[] {T0 + 2 * SECOND}, new double[] {-1}), 0)), OptionalLong.of(T0 + HOUR + 5 * SECOND));

        Points all = store.read(metric, mean1s, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(18);
        assertThat(all.slice(T0, T0 + 2 * SECOND)).isEqualTo(buckets(T0, SECOND, 2, 0));
        assertThat(all.slice(T0 + 2 * SECOND, T0 + 3 * SECOND))
            .isEqualTo(new Points(new long[] {T0 + 2 * SECOND}, new double[] {-1}));
        assertThat(all.slice(T0 + 3 * SECOND, T0 + 10 * SECOND)).isEqualTo(buckets(T0 + 3 * SECOND, SECOND, 7, 0.75));
        assertThat(all.slice(T0 + 10 * SECOND, T0 + HOUR)).isEqualTo(buckets(T0 + 10 * SECOND, SECOND, 5, 50));
        assertThat(all.slice(T0 + HOUR, Long.MAX_VALUE)).isEqualTo(buckets(T0 + HOUR + 3 * SECOND, SECOND, 3, 9));
    }

    @Test
    void bucketsNotWrittenAgainKeepTheirValues() {
        store.write(metric, MEAN_1M, buckets(T0, MINUTE, 10, 0), 0);
        Points update = new Points(new long[] {T0 + 3 * MINUTE, T0 + 10 * MINUTE, T0 + DAY},
            new double[] {-1, -2, -3});
        store.write(metric, MEAN_1M, update, 0);
        Points all = store.read(metric, MEAN_1M, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(12);
        assertThat(all.slice(T0, T0 + 3 * MINUTE)).isEqualTo(buckets(T0, MINUTE, 3, 0));
        assertThat(all.slice(T0 + 3 * MINUTE, T0 + 4 * MINUTE))
            .isEqualTo(new Points(new long[] {T0 + 3 * MINUTE}, new double[] {-1}));
        assertThat(all.slice(T0 + 4 * MINUTE, T0 + 10 * MINUTE)).isEqualTo(buckets(T0 + 4 * MINUTE, MINUTE, 6, 1));
        assertThat(all.slice(T0 + 10 * MINUTE, Long.MAX_VALUE)).isEqualTo(new Points(
            new long[] {T0 + 10 * MINUTE, T0 + DAY}, new double[] {-2, -3}));
    }

    @Test
    void seriesAreKeptApartByMetricMethodAndGranularity() {
        Aggregation max1m = new Aggregation("max", MINUTE);
        Aggregation mean1h = new Aggregation("mean", HOUR);
        UUID other = UUID.randomUUID();
        store.write(metric, MEAN_1M, buckets(T0, MINUTE, 5, 1), 0);
        store.write(metric, max1m, buckets(T0, MINUTE, 5, 100), 0);
        store.write(metric, mean1h, buckets(T0, HOUR, 3, 7), 0);
        store.write(other, MEAN_1M, buckets(T0, MINUTE, 2, -5), 0);
        assertThat(store.read(metric, MEAN_1M, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(buckets(T0, MINUTE, 5, 1));
        assertThat(store.read(metric, max1m, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(buckets(T0, MINUTE, 5, 100));
        assertThat(store.read(metric, mean1h, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(buckets(T0, HOUR, 3, 7));
        assertThat(store.read(other, MEAN_1M, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(buckets(T0, MINUTE, 2, -5));
        assertThat(store.read(other, max1m, Long.MIN_VALUE, Long.MAX_VALUE).isEmpty()).isTrue();
    }

    @Test
    void fineAndCoarseGranularitiesWork() {
        Aggregation perSecond = new Aggregation("last", SECOND);
        Points seconds = buckets(T0 - 1800 * SECOND, SECOND, 9000, 3);
        store.write(metric, perSecond, seconds, 3600);
        assertThat(store.read(metric, perSecond, T0, T0 + 4000 * SECOND))
            .isEqualTo(seconds.slice(T0, T0 + 4000 * SECOND));
        Aggregation perWeek = new Aggregation("sum", 7 * DAY);
        Points weeks = buckets(T0 / (7 * DAY) * (7 * DAY), 7 * DAY, 60, 0);
        store.write(metric, perWeek, weeks, 0);
        assertThat(store.read(metric, perWeek, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(weeks);
    }

    @Test
    void oddValuesSurvive() {
        Points points = new Points(new long[] {T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE},
            new double[] {-0.0, Double.MAX_VALUE, 1.0 / 3, -1e-300});
        store.write(metric, MEAN_1M, points, 0);
        Points back = store.read(metric, MEAN_1M, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(back).isEqualTo(points);
        assertThat(Double.doubleToRawLongBits(back.value(0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void writingNothingChangesNothing() {
        store.write(metric, MEAN_1M, Points.EMPTY, 0);
        assertThat(store.read(metric, MEAN_1M, Long.MIN_VALUE, Long.MAX_VALUE).isEmpty()).isTrue();
    }
}

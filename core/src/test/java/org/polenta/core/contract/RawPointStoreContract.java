package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.RawPointStore;

/** What every RawPointStore must do. Each test uses fresh metric ids. */
public abstract class RawPointStoreContract {

    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3600 * SECOND;
    private static final long T0 = 1_700_000_000L * SECOND;

    protected abstract RawPointStore rawPoints();

    private RawPointStore store;
    private UUID metric;

    @BeforeEach
    void setUpStore() {
        store = rawPoints();
        metric = UUID.randomUUID();
    }

    /** n points from start, step apart, valued 0.5, 1.5, ... */
    private static Points series(long start, long step, int n) {
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start + i * step;
            vs[i] = i + 0.5;
        }
        return new Points(ts, vs);
    }

    @Test
    void writtenPointsAreReadBack() {
        Points points = series(T0, 7 * SECOND, 100);
        store.write(metric, points);
        assertThat(store.read(metric, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(points);
    }

    @Test
    void readReturnsTheHalfOpenRange() {
        Points points = series(T0, SECOND, 10);
        store.write(metric, points);
        assertThat(store.read(metric, T0 + 2 * SECOND, T0 + 5 * SECOND)).isEqualTo(points.slice(T0 + 2 * SECOND, T0 + 5 * SECOND));
        assertThat(store.read(metric, T0 + 2 * SECOND, T0 + 5 * SECOND).size()).isEqualTo(3);
        assertThat(store.read(metric, T0 + 5 * SECOND, T0 + 5 * SECOND).isEmpty()).isTrue();
        assertThat(store.read(metric, T0 - HOUR, T0).isEmpty()).isTrue();
    }

    @Test
    void pointsSpanningDaysAreReadAcrossStorageBoundaries() {
        Points points = series(T0 - 17 * SECOND, 5 * 60 * SECOND, 3 * 24 * 12);
        store.write(metric, points);
        long from = T0 + 20 * HOUR + 1;
        long to = T0 + 50 * HOUR;
        assertThat(store.read(metric, from, to)).isEqualTo(points.slice(from, to));
        assertThat(store.read(metric, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(points);
    }

    @Test
    void writesMovingForwardThenBackKeepEveryPoint() {
        store.write(metric, new Points(new long[] {T0, T0 + 10 * SECOND}, new double[] {1, 2}));
        store.write(metric, new Points(new long[] {T0 + 2 * HOUR + SECOND}, new double[] {3}));
        store.write(metric, new Points(new long[] {T0 + 5 * SECOND, T0 + HOUR + SECOND}, new double[] {4, 5}));
        store.write(metric, new Points(new long[] {T0 + 2 * HOUR + 2 * SECOND, T0 + 3 * HOUR}, new double[] {6, 7}));
        assertThat(store.read(metric, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(new Points(
            new long[] {T0, T0 + 5 * SECOND, T0 + 10 * SECOND, T0 + HOUR + SECOND, T0 + 2 * HOUR + SECOND,
                T0 + 2 * HOUR + 2 * SECOND, T0 + 3 * HOUR},
            new double[] {1, 4, 2, 5, 3, 6, 7}));
        assertThat(store.newestTimestamp(metric)).hasValue(T0 + 3 * HOUR);
    }

    @Test
    void aBackfillOfMegabytesIsReadBack() {
        // 300,000 random doubles at 1 s: about 2.5 MB of blobs over 84 one-hour blocks, more than one write request.
        java.util.Random random = new java.util.Random(7);
        int n = 300_000;
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * SECOND;
            vs[i] = random.nextDouble() * 1e6;
        }
        Points points = new Points(ts, vs);
        store.write(metric, points);
        assertThat(store.read(metric, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(points);
        assertThat(store.newestTimestamp(metric)).hasValue(ts[n - 1]);
    }

    @Test
    void writingATimestampAgainReplacesItsValueOnly() {
        store.write(metric, series(T0, SECOND, 5));
        store.write(metric, new Points(new long[] {T0 + 2 * SECOND, T0 + 10 * SECOND}, new double[] {-7, 42}));
        assertThat(store.read(metric, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(new Points(
            new long[] {T0, T0 + SECOND, T0 + 2 * SECOND, T0 + 3 * SECOND, T0 + 4 * SECOND, T0 + 10 * SECOND},
            new double[] {0.5, 1.5, -7, 3.5, 4.5, 42}));
    }

    @Test
    void nanosecondTimestampsAndOddValuesSurvive() {
        Points points = new Points(new long[] {T0 + 1, T0 + 999_999_999L, T0 + HOUR + 3},
            new double[] {-0.0, 1e-300, 0.1 + 0.2});
        store.write(metric, points);
        Points back = store.read(metric, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(back).isEqualTo(points);
        assertThat(Double.doubleToRawLongBits(back.value(0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void lastBeforeFindsTheNewestEarlierPoint() {
        store.write(metric, series(T0, 10 * SECOND, 10));
        assertThat(store.lastBefore(metric, T0 + 35 * SECOND))
            .isEqualTo(new Points(new long[] {T0 + 30 * SECOND}, new double[] {3.5}));
        assertThat(store.lastBefore(metric, T0 + 30 * SECOND))
            .isEqualTo(new Points(new long[] {T0 + 20 * SECOND}, new double[] {2.5}));
        assertThat(store.lastBefore(metric, T0).isEmpty()).isTrue();
        assertThat(store.lastBefore(metric, Long.MAX_VALUE))
            .isEqualTo(new Points(new long[] {T0 + 90 * SECOND}, new double[] {9.5}));
    }

    @Test
    void lastBeforeLooksBackOverLongGaps() {
        Points old = new Points(new long[] {T0 - 3 * 24 * HOUR}, new double[] {1});
        store.write(metric, old);
        store.write(metric, new Points(new long[] {T0 + 5}, new double[] {2}));
        assertThat(store.lastBefore(metric, T0)).isEqualTo(old);
    }

    @Test
    void newestTimestampIsTheMaximumEverWritten() {
        assertThat(store.newestTimestamp(metric)).isEmpty();
        store.write(metric, series(T0, SECOND, 3));
        assertThat(store.newestTimestamp(metric)).hasValue(T0 + 2 * SECOND);
        store.write(metric, new Points(new long[] {T0 - HOUR}, new double[] {1}));
        assertThat(store.newestTimestamp(metric)).hasValue(T0 + 2 * SECOND);
        store.write(metric, new Points(new long[] {T0 + HOUR}, new double[] {1}));
        assertThat(store.newestTimestamp(metric)).hasValue(T0 + HOUR);
    }

    @Test
    void writingNothingChangesNothing() {
        store.write(metric, Points.EMPTY);
        assertThat(store.read(metric, Long.MIN_VALUE, Long.MAX_VALUE).isEmpty()).isTrue();
        assertThat(store.newestTimestamp(metric)).isEmpty();
    }

    @Test
    void metricsAreIsolated() {
        UUID other = UUID.randomUUID();
        store.write(metric, series(T0, SECOND, 3));
        store.write(other, series(T0, 2 * SECOND, 4));
        assertThat(store.read(metric, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(series(T0, SECOND, 3));
        assertThat(store.read(other, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(series(T0, 2 * SECOND, 4));
        assertThat(store.newestTimestamp(other)).hasValue(T0 + 6 * SECOND);
    }
}

package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.core.contract.AggregateStoreContract.buckets;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.core.aggregates.RawPointStore;
import org.polenta.core.aggregates.RunOutputStore;

/**
 * What every RunOutputStore must do: store a run's aggregates and raw points so that the stores it writes through
 * read back both, whether the run is small (a store may write it in one request) or larger than any one request.
 * Each test uses a fresh metric id.
 */
public abstract class RunOutputStoreContract {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long T0 = 1_700_000_000L * SECOND / DAY * DAY;

    /** The store under test, writing through {@link #aggregates()} and {@link #rawPoints()}. */
    protected abstract RunOutputStore runOutput();

    protected abstract AggregateStore aggregates();

    protected abstract RawPointStore rawPoints();

    private UUID metric;

    @BeforeEach
    void freshMetric() {
        metric = UUID.randomUUID();
    }

    @Test
    void aSmallRunIsReadBackWholeAndMovesTheNewestTimestamp() {
        Points raw = buckets(T0, 10 * SECOND, 60, 1);
        Aggregation mean = new Aggregation("mean", MINUTE);
        Aggregation max = new Aggregation("max", MINUTE);
        Points means = buckets(T0, MINUTE, 10, 3);
        Points maxes = buckets(T0, MINUTE, 10, 4);
        runOutput().store(metric, List.of(new AggregateStore.SeriesWrite(mean, means, 3600),
            new AggregateStore.SeriesWrite(max, maxes, 3600)), OptionalLong.empty(), raw);
        assertThat(aggregates().read(metric, mean, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(means);
        assertThat(aggregates().read(metric, max, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(maxes);
        assertThat(rawPoints().read(metric, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(raw);
        assertThat(rawPoints().newestTimestamp(metric)).hasValue(raw.timestamp(raw.size() - 1));
    }

    @Test
    void aRunOverStoredDataMergesIntoIt() {
        Aggregation mean = new Aggregation("mean", MINUTE);
        Points first = buckets(T0, MINUTE, 10, 1);
        runOutput().store(metric, List.of(new AggregateStore.SeriesWrite(mean, first, 0)), OptionalLong.empty(), first);
        Points second = buckets(T0 + 5 * MINUTE, MINUTE, 10, 50);
        runOutput().store(metric, List.of(new AggregateStore.SeriesWrite(mean, second, 0)),
            OptionalLong.of(T0 + 9 * MINUTE), second);
        Points expected = concat(buckets(T0, MINUTE, 5, 1), buckets(T0 + 5 * MINUTE, MINUTE, 10, 50));
        assertThat(aggregates().read(metric, mean, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(expected);
        assertThat(rawPoints().read(metric, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(expected);
        assertThat(rawPoints().newestTimestamp(metric)).hasValue(T0 + 14 * MINUTE);
    }

    @Test
    void aBackfillLargerThanAnyOneRequestIsReadBackWhole() {
        // 40 days of one point a second: hundreds of raw blocks and, at 1 s, a thousand splits per method.
        int n = 40 * 86_400;
        Points raw = buckets(T0, SECOND, n, 0);
        List<AggregateStore.SeriesWrite> writes = new ArrayList<>();
        for (String method : List.of("mean", "max", "min")) {
            writes.add(new AggregateStore.SeriesWrite(new Aggregation(method, SECOND), raw, 0));
        }
        Points hourly = buckets(T0, HOUR, 40 * 24, 7);
        writes.add(new AggregateStore.SeriesWrite(new Aggregation("mean", HOUR), hourly, 0));
        runOutput().store(metric, writes, OptionalLong.empty(), raw);
        for (String method : List.of("mean", "max", "min")) {
            assertThat(aggregates().read(metric, new Aggregation(method, SECOND), Long.MIN_VALUE, Long.MAX_VALUE))
                .isEqualTo(raw);
        }
        assertThat(aggregates().read(metric, new Aggregation("mean", HOUR), Long.MIN_VALUE, Long.MAX_VALUE))
            .isEqualTo(hourly);
        assertThat(rawPoints().read(metric, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(raw);
        assertThat(rawPoints().newestTimestamp(metric)).hasValue(raw.timestamp(n - 1));
    }

    @Test
    void aRunWithoutNewRawPointsStoresItsAggregates() {
        Aggregation mean = new Aggregation("mean", MINUTE);
        Points means = buckets(T0, MINUTE, 3, 2);
        runOutput().store(metric, List.of(new AggregateStore.SeriesWrite(mean, means, 0)), OptionalLong.empty(),
            Points.EMPTY);
        assertThat(aggregates().read(metric, mean, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(means);
        assertThat(rawPoints().newestTimestamp(metric)).isEmpty();
    }

    private static Points concat(Points a, Points b) {
        long[] ts = new long[a.size() + b.size()];
        double[] vs = new double[ts.length];
        for (int i = 0; i < a.size(); i++) {
            ts[i] = a.timestamp(i);
            vs[i] = a.value(i);
        }
        for (int i = 0; i < b.size(); i++) {
            ts[a.size() + i] = b.timestamp(i);
            vs[a.size() + i] = b.value(i);
        }
        return new Points(ts, vs);
    }
}

package org.polenta.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;

/**
 * Two instances take turns on a sack: what one cached during its tenure must not hide what the other wrote once
 * the first holds the sack again.
 */
class HeldStateTakeoverIT {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    private static CassandraStorage other;

    @BeforeAll
    static void openTheOtherInstance() {
        other = CassandraStorage.open(KEYSPACE.config());
    }

    @AfterAll
    static void closeTheOtherInstance() {
        other.close();
    }

    @Test
    void anInstanceThatHoldsTheSackAgainReadsWhatTheOtherWroteMeanwhile() {
        CassandraStorage one = KEYSPACE.storage();
        UUID metric = UUID.randomUUID();
        int sack = one.incoming().sackOf(metric);
        Aggregation mean = new Aggregation("mean", SECOND);

        one.sackTenures().held(sack, Long.MAX_VALUE);
        write(one, metric, mean, 0);
        one.sackTenures().ended(sack);

        other.sackTenures().held(sack, Long.MAX_VALUE);
        write(other, metric, mean, 1);
        other.sackTenures().ended(sack);

        one.sackTenures().held(sack, Long.MAX_VALUE);
        write(one, metric, mean, 2);

        assertThat(one.aggregates().read(metric, mean, Long.MIN_VALUE, Long.MAX_VALUE).timestamps())
            .containsExactly(T0, T0 + SECOND, T0 + 2 * SECOND);
        assertThat(one.rawPoints().read(metric, Long.MIN_VALUE, Long.MAX_VALUE).timestamps())
            .containsExactly(T0, T0 + SECOND, T0 + 2 * SECOND);
        assertThat(one.rawPoints().read(metric, T0, Long.MAX_VALUE).timestamps())
            .containsExactly(T0, T0 + SECOND, T0 + 2 * SECOND);
        assertThat(one.rawPoints().newestTimestamp(metric)).hasValue(T0 + 2 * SECOND);
    }

    private static void write(CassandraStorage instance, UUID metric, Aggregation aggregation, int second) {
        Points point = new Points(new long[] {T0 + second * SECOND}, new double[] {second});
        // As a processing run does: read the raw window, write aggregates, then raw points.
        instance.rawPoints().newestTimestamp(metric);
        instance.rawPoints().read(metric, T0, Long.MAX_VALUE);
        instance.aggregates().writeAll(metric, List.of(new AggregateStore.SeriesWrite(aggregation, point, 0)));
        instance.rawPoints().write(metric, point);
    }
}

package org.polenta.listener.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.core.incoming.Measure;

class MetricBatchesTest {

    private static final long T = 1_735_689_600_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private static final UUID CPU = UUID.randomUUID();
    private static final UUID MEMORY = UUID.randomUUID();

    @Test
    void makesOneBatchPerMetricWithItsPointsInTimeOrder() {
        MetricBatches points = new MetricBatches();
        points.add(CPU, T + MINUTE, 2.0, "m2");
        points.add(MEMORY, T, 512.0, "m3");
        points.add(CPU, T, 1.0, "m1");
        List<KeyedBatch> batches = points.batches();
        assertThat(points.points()).isEqualTo(3);
        assertThat(batches).extracting(KeyedBatch::metricId).containsExactly(CPU, MEMORY);
        assertThat(batches.get(0).measures()).containsExactly(new Measure(T, 1.0), new Measure(T + MINUTE, 2.0));
        assertThat(batches.get(1).measures()).containsExactly(new Measure(T, 512.0));
    }

    @Test
    void theSameSamplesInAnotherOrderGiveTheSameKeys() {
        MetricBatches first = new MetricBatches();
        first.add(CPU, T, 1.0, "m1");
        first.add(CPU, T + MINUTE, 2.0, "m2");
        MetricBatches redelivered = new MetricBatches();
        redelivered.add(CPU, T + MINUTE, 2.0, "m2");
        redelivered.add(CPU, T, 1.0, "m1");
        assertThat(redelivered.batches()).isEqualTo(first.batches());
    }

    @Test
    void otherSamplesAtTheSameTimeGiveAnotherKeyTimedByTheEarliestPoint() {
        MetricBatches one = new MetricBatches();
        one.add(CPU, T, 1.0, "m1");
        MetricBatches other = new MetricBatches();
        other.add(CPU, T, 1.0, "m9");
        other.add(CPU, T + MINUTE, 1.0, "m10");
        UUID a = one.batches().get(0).key();
        UUID b = other.batches().get(0).key();
        assertThat(a).isNotEqualTo(b);
        assertThat(a.timestamp()).isEqualTo(b.timestamp());
    }

    @Test
    void nothingAddedMakesNoBatch() {
        assertThat(new MetricBatches().batches()).isEmpty();
    }
}

package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.incoming.BatchKeys;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.core.incoming.IncomingMeasures.BacklogSummary;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.PendingMeasures;

/**
 * What every IncomingMeasures must do. The store may be shared by all tests of a class, so each test uses
 * fresh metric ids and asserts only about them. Needs at least 2 sacks.
 */
public abstract class IncomingMeasuresContract {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    protected abstract IncomingMeasures incoming();

    private IncomingMeasures incoming;

    @BeforeEach
    void setUpIncoming() {
        incoming = incoming();
        assertThat(incoming.sackCount()).isGreaterThanOrEqualTo(2);
    }

    private static List<Measure> measures(double... values) {
        List<Measure> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new Measure(T0 + i * SECOND, values[i]));
        }
        return list;
    }

    private UUID metricInSack(int sack) {
        while (true) {
            UUID id = UUID.randomUUID();
            if (incoming.sackOf(id) == sack) {
                return id;
            }
        }
    }

    @Test
    void sackOfIsStableAndInRange() {
        for (int i = 0; i < 200; i++) {
            UUID id = UUID.randomUUID();
            int sack = incoming.sackOf(id);
            assertThat(sack).isBetween(0, incoming.sackCount() - 1).isEqualTo(incoming.sackOf(id));
        }
    }

    @Test
    void pendingReturnsEachAddAsABatchOldestFirst() {
        UUID metric = UUID.randomUUID();
        incoming.add(Map.of(metric, measures(1, 2)));
        incoming.add(Map.of(metric, measures(3)));
        incoming.add(Map.of(metric, measures(4, 5, 6)));
        PendingMeasures pending = incoming.pending(metric);
        assertThat(pending.metricId()).isEqualTo(metric);
        assertThat(pending.batches()).containsExactly(measures(1, 2), measures(3), measures(4, 5, 6));
        assertThat(pending.batchIds()).hasSize(3).doesNotHaveDuplicates();
        assertThat(pending.measureCount()).isEqualTo(6);
    }

    @Test
    void aBatchKeepsTheClientsOrderDuplicatesAndExactValues() {
        UUID metric = UUID.randomUUID();
        List<Measure> batch = List.of(
            new Measure(T0 + 5 * SECOND, 1.5),
            new Measure(T0, -0.0),
            new Measure(T0 + 5 * SECOND, -1.5),
            new Measure(T0 + 123_456_789L, Double.MAX_VALUE),
            new Measure(0, Double.MIN_VALUE),
            new Measure(T0 + 5 * SECOND, 1.5));
        incoming.add(Map.of(metric, batch));
        List<Measure> back = incoming.pending(metric).batches().get(0);
        assertThat(back).isEqualTo(batch);
        assertThat(Double.doubleToRawLongBits(back.get(1).value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void aKeyedBatchWrittenTwiceWhilePendingIsPendingOnce() {
        UUID metric = UUID.randomUUID();
        KeyedBatch batch = new KeyedBatch(metric, BatchKeys.of(T0, "message-1"), measures(1, 2));
        incoming.addKeyed(List.of(batch));
        incoming.addKeyed(List.of(batch));
        PendingMeasures pending = incoming.pending(metric);
        assertThat(pending.batches()).containsExactly(measures(1, 2));
        assertThat(incoming.summary().perMetric()).containsEntry(metric, 2L);
    }

    @Test
    void keyedBatchesComeBackInKeyTimeOrderWhateverTheWritingOrder() {
        UUID metric = UUID.randomUUID();
        List<Measure> late = List.of(new Measure(T0 + 60 * SECOND, 2));
        List<Measure> early = List.of(new Measure(T0, 1));
        incoming.addKeyed(List.of(new KeyedBatch(metric, BatchKeys.of(T0 + 60 * SECOND, "late"), late)));
        incoming.addKeyed(List.of(new KeyedBatch(metric, BatchKeys.of(T0, "early"), early)));
        assertThat(incoming.pending(metric).batches()).containsExactly(early, late);
    }

    @Test
    void oneKeyForTwoMetricsMakesTwoBatches() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID key = BatchKeys.of(T0, "shared");
        incoming.addKeyed(List.of(new KeyedBatch(a, key, measures(1)), new KeyedBatch(b, key, measures(2))));
        assertThat(incoming.pending(a).batches()).containsExactly(measures(1));
        assertThat(incoming.pending(b).batches()).containsExactly(measures(2));
    }

    @Test
    void aKeyedBatchWrittenAgainAfterItWasProcessedIsPendingAgain() {
        UUID metric = UUID.randomUUID();
        KeyedBatch batch = new KeyedBatch(metric, BatchKeys.of(T0, "redelivered"), measures(5));
        incoming.addKeyed(List.of(batch));
        incoming.remove(incoming.pending(metric));
        incoming.addKeyed(List.of(batch));
        assertThat(incoming.pending(metric).batches()).containsExactly(measures(5));
    }

    @Test
    void oneAddOfSeveralMetricsMakesOneBatchPerMetric() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        incoming.add(Map.of(a, measures(1), b, measures(2, 3)));
        assertThat(incoming.pending(a).batches()).containsExactly(measures(1));
        assertThat(incoming.pending(b).batches()).containsExactly(measures(2, 3));
    }

    @Test
    void oneAddForThousandsOfMetricsStoresEveryBatch() {
        Map<UUID, List<Measure>> batch = new HashMap<>();
        for (int i = 0; i < 1500; i++) {
            batch.put(UUID.randomUUID(), measures(i, i + 0.5));
        }
        incoming.add(batch);
        Map<UUID, Long> perMetric = incoming.summary().perMetric();
        batch.keySet().forEach(metric -> assertThat(perMetric).containsEntry(metric, 2L));
        UUID any = batch.keySet().iterator().next();
        assertThat(incoming.pending(any).batches()).containsExactly(batch.get(any));
    }

    @Test
    void anEmptyListAddsNothing() {
        UUID metric = UUID.randomUUID();
        incoming.add(Map.of(metric, List.of()));
        assertThat(incoming.pending(metric).isEmpty()).isTrue();
    }

    @Test
    void nothingIsPendingForAnUnknownMetric() {
        PendingMeasures pending = incoming.pending(UUID.randomUUID());
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.batchIds()).isEmpty();
    }

    @Test
    void metricsWithPendingListsTheMetricsOfThatSack() {
        UUID inZero = metricInSack(0);
        UUID alsoInZero = metricInSack(0);
        UUID inOne = metricInSack(1);
        incoming.add(Map.of(inZero, measures(1), alsoInZero, measures(2), inOne, measures(3)));
        incoming.add(Map.of(inZero, measures(4)));
        assertThat(incoming.metricsWithPending(0, Integer.MAX_VALUE)).contains(inZero, alsoInZero)
            .doesNotContain(inOne);
        assertThat(incoming.metricsWithPending(1, Integer.MAX_VALUE)).contains(inOne)
            .doesNotContain(inZero, alsoInZero);
    }

    @Test
    void metricsWithPendingHonoursTheLimit() {
        for (int i = 0; i < 5; i++) {
            incoming.add(Map.of(metricInSack(1), measures(i), metricInSack(1), measures(i)));
        }
        Set<UUID> two = incoming.metricsWithPending(1, 2);
        assertThat(two).hasSize(2);
        assertThat(incoming.metricsWithPending(1, Integer.MAX_VALUE)).containsAll(two).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void removeForgetsExactlyTheProcessedBatches() {
        UUID metric = UUID.randomUUID();
        incoming.add(Map.of(metric, measures(1)));
        incoming.add(Map.of(metric, measures(2)));
        PendingMeasures processed = incoming.pending(metric);
        incoming.add(Map.of(metric, measures(3)));
        incoming.remove(processed);
        PendingMeasures left = incoming.pending(metric);
        assertThat(left.batches()).containsExactly(measures(3));
        assertThat(left.batchIds()).doesNotContainAnyElementsOf(processed.batchIds());
    }

    @Test
    void aMetricWithNothingLeftIsNoLongerListed() {
        UUID metric = metricInSack(1);
        incoming.add(Map.of(metric, measures(1, 2)));
        assertThat(incoming.metricsWithPending(1, Integer.MAX_VALUE)).contains(metric);
        incoming.remove(incoming.pending(metric));
        assertThat(incoming.pending(metric).isEmpty()).isTrue();
        assertThat(incoming.metricsWithPending(1, Integer.MAX_VALUE)).doesNotContain(metric);
    }

    @Test
    void removingNothingIsHarmless() {
        UUID metric = UUID.randomUUID();
        incoming.remove(incoming.pending(metric));
        incoming.add(Map.of(metric, measures(1)));
        assertThat(incoming.pending(metric).batches()).containsExactly(measures(1));
    }

    @Test
    void summaryCountsThePendingMeasures() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        incoming.add(Map.of(a, measures(1, 2, 3), b, measures(4)));
        incoming.add(Map.of(a, measures(5)));
        BacklogSummary summary = incoming.summary();
        assertThat(summary.perMetric()).containsEntry(a, 4L).containsEntry(b, 1L);
        assertThat(summary.metrics()).isEqualTo(summary.perMetric().size());
        assertThat(summary.measures()).isEqualTo(summary.perMetric().values().stream().mapToLong(Long::longValue).sum());
        incoming.remove(incoming.pending(a));
        assertThat(incoming.summary().perMetric()).doesNotContainKey(a).containsEntry(b, 1L);
    }

    @Test
    void summarySeesMeasuresAddedToASackItFoundEmpty() {
        UUID plain = metricInSack(1);
        UUID keyed = metricInSack(1);
        incoming.remove(incoming.pending(plain));
        assertThat(incoming.summary().perMetric()).doesNotContainKeys(plain, keyed);
        incoming.add(Map.of(plain, measures(1, 2)));
        assertThat(incoming.summary().perMetric()).containsEntry(plain, 2L);
        incoming.remove(incoming.pending(plain));
        assertThat(incoming.summary().perMetric()).doesNotContainKey(plain);
        incoming.addKeyed(List.of(new KeyedBatch(keyed, BatchKeys.of(T0, "m1"), measures(7))));
        assertThat(incoming.summary().perMetric()).containsEntry(keyed, 1L);
    }

    @Test
    void aWriteIsAnnouncedForItsSackUntilAfterItLanded() {
        UUID plain = metricInSack(0);
        UUID keyed = metricInSack(1);
        long before = System.currentTimeMillis();
        incoming.add(Map.of(plain, measures(1)));
        incoming.addKeyed(List.of(new KeyedBatch(keyed, BatchKeys.of(T0, "m2"), measures(2))));
        long after = System.currentTimeMillis();
        long[] activeUntil = incoming.activeUntil();
        assertThat(activeUntil).hasSize(incoming.sackCount());
        assertThat(activeUntil[0]).isGreaterThanOrEqualTo(after).isGreaterThan(before);
        assertThat(activeUntil[1]).isGreaterThanOrEqualTo(after).isGreaterThan(before);
    }

    @Test
    void twoWritersAddingToOneMetricAtOnceLoseNothing() throws Exception {
        UUID metric = UUID.randomUUID();
        int perWriter = 25;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        incoming.add(Map.of(metric, List.of(new Measure(T0 + i * SECOND, writer * 1000 + i))));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        PendingMeasures pending = incoming.pending(metric);
        assertThat(pending.batches()).hasSize(2 * perWriter);
        List<Double> values = pending.batches().stream().flatMap(List::stream).map(Measure::value).sorted().toList();
        List<Double> expected = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < perWriter; i++) {
                expected.add((double) (w * 1000 + i));
            }
        }
        Collections.sort(expected);
        assertThat(values).isEqualTo(expected);
    }

    @Test
    void batchesAddedWhileAProcessorRemovesAreNeitherLostNorDuplicated() throws Exception {
        UUID metric = UUID.randomUUID();
        int total = 60;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Map<Double, Integer> seen = new HashMap<>();
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < total; i++) {
                    incoming.add(Map.of(metric, List.of(new Measure(T0 + i * SECOND, i))));
                }
                writing.set(false);
                return null;
            });
            boolean lastRound;
            do {
                lastRound = !writing.get();
                PendingMeasures pending = incoming.pending(metric);
                pending.batches().forEach(b -> b.forEach(m -> seen.merge(m.value(), 1, Integer::sum)));
                incoming.remove(pending);
            } while (!lastRound);
            writer.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(incoming.pending(metric).isEmpty()).isTrue();
        assertThat(seen).hasSize(total).allSatisfy((value, times) -> assertThat(times).isEqualTo(1));
    }
}

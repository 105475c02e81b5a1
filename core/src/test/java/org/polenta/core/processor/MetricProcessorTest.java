package org.polenta.core.processor;

import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.PendingMeasures;
import org.polenta.core.testing.InMemoryAggregateStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polenta.core.processor.ProcessorFixture.MINUTE;
import static org.polenta.core.processor.ProcessorFixture.S;
import static org.polenta.core.processor.ProcessorFixture.item;
import static org.polenta.core.processor.ProcessorFixture.m;
import static org.polenta.core.processor.ProcessorFixture.policy;

class MetricProcessorTest {

    private final ProcessorFixture f = new ProcessorFixture();
    private final ArchivePolicy perMinute = policy(0, Set.of("mean", "last", "count"), item(MINUTE, null));

    @Test
    void withinOneBatchTheSmallestValueOfADuplicatedTimestampWins() {
        f.post(m(10, 5), m(10, 3), m(10, 4), m(20, 1));
        ProcessingResult result = f.process(perMinute);
        assertThat(result).isEqualTo(new ProcessingResult(4, 0));
        assertThat(f.rawPoints()).isEqualTo(new Points(new long[] {10 * S, 20 * S}, new double[] {3, 1}));
        assertThat(f.stored("count", MINUTE).values()).containsExactly(2.0);
    }

    @Test
    void aLaterBatchReplacesAnEarlierOneEvenInTheSameRun() {
        f.post(m(10, 1), m(10, 9));
        f.post(m(10, 7));
        f.process(perMinute);
        assertThat(f.rawPoints().values()).containsExactly(7.0);
        assertThat(f.stored("mean", MINUTE).values()).containsExactly(7.0);
    }

    @Test
    void aLaterRunReplacesTheStoredValue() {
        f.post(m(10, 1), m(30, 3));
        f.process(perMinute);
        f.post(m(10, 5));
        f.process(perMinute);
        assertThat(f.stored("mean", MINUTE).values()).containsExactly(4.0);
        assertThat(f.stored("count", MINUTE).values()).containsExactly(2.0);
    }

    @Test
    void measuresOlderThanTheCurrentBlockAreDroppedAndCountedWithBackWindowZero() {
        f.post(m(630, 1));
        f.process(perMinute);
        // newest 10:30 -> the block starts at 10:00; 9:59 is too late, 10:00 is not
        f.post(m(599, 2), m(600, 3), m(660, 4));
        ProcessingResult result = f.process(perMinute);
        assertThat(result).isEqualTo(new ProcessingResult(3, 1));
        assertThat(f.rawPoints().timestamps()).containsExactly(600 * S, 630 * S, 660 * S);
        assertThat(f.stored("mean", MINUTE).timestamps()).containsExactly(600 * S, 660 * S);
        assertThat(f.stored("mean", MINUTE).values()).containsExactly(2.0, 4.0);
    }

    @Test
    void backWindowCountsBlocksOfTheCoarsestGranularity() {
        ArchivePolicy twoBlocks = policy(2, Set.of("mean"), item(S, 3600L), item(MINUTE, null));
        f.post(m(630, 1));
        f.process(twoBlocks);
        f.post(m(479, 2), m(480, 3));
        assertThat(f.process(twoBlocks)).isEqualTo(new ProcessingResult(2, 1));
        assertThat(f.rawPoints().timestamps()).containsExactly(480 * S, 630 * S);
    }

    @Test
    void rateMethodsKeepOneMoreBlock() {
        ArchivePolicy withRate = policy(0, Set.of("mean", "rate:mean"), item(MINUTE, null));
        f.post(m(630, 1));
        f.process(withRate);
        f.post(m(539, 2), m(540, 3));
        assertThat(f.process(withRate)).isEqualTo(new ProcessingResult(2, 1));
    }

    @Test
    void backWindowIsRelativeToWhatEarlierRunsProcessedNotToTheBatchItself() {
        // A first run accepts everything, however far apart.
        f.post(m(0, 1), m(100_000, 2));
        assertThat(f.process(perMinute)).isEqualTo(new ProcessingResult(2, 0));
        assertThat(f.rawPoints().size()).isEqualTo(2);
    }

    @Test
    void aLateOnlyBatchIsConsumedWithoutWriting() {
        f.post(m(630, 1));
        f.process(perMinute);
        f.aggregates.clearWriteLog();
        f.post(m(1, 2), m(2, 3));
        assertThat(f.process(perMinute)).isEqualTo(new ProcessingResult(2, 2));
        assertThat(f.aggregates.writes()).isEmpty();
        assertThat(f.incoming.pending(f.metric.id()).isEmpty()).isTrue();
    }

    @Test
    void nothingPendingDoesNothing() {
        assertThat(f.process(perMinute)).isEqualTo(ProcessingResult.NOTHING);
        assertThat(f.aggregates.writes()).isEmpty();
    }

    @Test
    void passesEachItemsTimespanAsTtl() {
        ArchivePolicy policy = policy(0, Set.of("mean"), item(S, 90L), item(MINUTE, null), item(S / 2, 3L));
        f.post(m(10, 1));
        f.process(policy);
        Map<Long, Integer> ttlByGranularity = new java.util.HashMap<>();
        for (InMemoryAggregateStore.Write w : f.aggregates.writes()) {
            ttlByGranularity.put(w.aggregation().granularityNanos(), w.ttlSeconds());
        }
        assertThat(ttlByGranularity).containsExactlyInAnyOrderEntriesOf(Map.of(S, 90, MINUTE, 0, S / 2, 2));
    }

    @Test
    void rewritesOnlyTheBucketsNewPointsTouch() {
        ArchivePolicy policy = policy(10, Set.of("mean", "rate:last"), item(MINUTE, null));
        for (int minute = 0; minute < 10; minute++) {
            f.post(m(minute * 60L + 30, minute));
        }
        f.process(policy);
        f.aggregates.clearWriteLog();

        f.post(m(5 * 60 + 40, 100));
        f.process(policy);

        Map<String, Points> written = new java.util.HashMap<>();
        f.aggregates.writes().forEach(w -> written.put(w.aggregation().method(), w.buckets()));
        assertThat(written.get("mean").timestamps()).containsExactly(5 * MINUTE);
        assertThat(written.get("mean").values()).containsExactly(52.5);
        // The next raw point (6:30) now differs from the new point, not from 5:30: its bucket changes too.
        assertThat(written.get("rate:last").timestamps()).containsExactly(5 * MINUTE, 6 * MINUTE);
        assertThat(written.get("rate:last").values()).containsExactly(95.0, -94.0);
    }

    @Test
    void rateUsesThePointBeforeTheBucketEvenAcrossEmptyBuckets() {
        ArchivePolicy policy = policy(0, Set.of("rate:sum"), item(MINUTE, null));
        f.post(m(10, 1), m(20, 4));
        f.process(policy);
        f.post(m(400, 10));
        f.process(policy);
        Points rate = f.stored("rate:sum", MINUTE);
        assertThat(rate.timestamps()).containsExactly(0L, 6 * MINUTE);
        assertThat(rate.values()).containsExactly(3.0, 6.0);
    }

    @Test
    void writesOnlyTheBucketsTheTimespanStillShows() {
        ArchivePolicy policy = policy(0, Set.of("max"), item(MINUTE, 3L));
        for (int minute = 0; minute < 10; minute++) {
            f.post(m(minute * 60L, minute));
        }
        f.process(policy);
        assertThat(f.stored("max", MINUTE).timestamps()).containsExactly(7 * MINUTE, 8 * MINUTE, 9 * MINUTE);
    }

    @Test
    void reprocessingAfterAFailureBeforeRemovalGivesTheSameState() {
        ArchivePolicy policy = policy(0, Set.of("mean", "std", "rate:max", "50pct"), item(MINUTE, 100L), item(S, null));
        FailingRemove failing = new FailingRemove(f.incoming);
        MetricProcessor flaky = new MetricProcessor(failing, f.raw, f.aggregates);
        f.post(m(10, 1), m(11, 5), m(75, 2));
        f.process(policy);
        f.post(m(70, 3), m(130, 9), m(131, 4));

        assertThatThrownBy(() -> flaky.process(f.metric, policy)).hasMessage("remove failed");
        Map<Aggregation, Points> afterFailure = snapshot(policy);
        Points rawAfterFailure = f.rawPoints();

        ProcessingResult retry = f.process(policy);
        assertThat(retry.measuresProcessed()).isEqualTo(3);
        assertThat(snapshot(policy)).isEqualTo(afterFailure);
        assertThat(f.rawPoints()).isEqualTo(rawAfterFailure);
        assertThat(f.incoming.pending(f.metric.id()).isEmpty()).isTrue();
    }

    private Map<Aggregation, Points> snapshot(ArchivePolicy policy) {
        Map<Aggregation, Points> state = new java.util.HashMap<>();
        policy.definition().forEach(item -> policy.aggregationMethods().forEach(method ->
                state.put(new Aggregation(method, item.granularityNanos()), f.stored(method, item.granularityNanos()))));
        return state;
    }

    /** A backlog whose remove fails once, as a storage timeout would. */
    private static final class FailingRemove implements IncomingMeasures {
        private final IncomingMeasures delegate;

        FailingRemove(IncomingMeasures delegate) {
            this.delegate = delegate;
        }

        @Override
        public int sackCount() {
            return delegate.sackCount();
        }

        @Override
        public void add(Map<UUID, List<Measure>> measuresByMetric) {
            delegate.add(measuresByMetric);
        }

        @Override
        public void addKeyed(java.util.Collection<org.polenta.core.incoming.KeyedBatch> batches) {
            delegate.addKeyed(batches);
        }

        @Override
        public Set<UUID> metricsWithPending(int sack, int limit) {
            return delegate.metricsWithPending(sack, limit);
        }

        @Override
        public PendingMeasures pending(UUID metricId) {
            return delegate.pending(metricId);
        }

        @Override
        public void remove(PendingMeasures processed) {
            throw new IllegalStateException("remove failed");
        }

        @Override
        public BacklogSummary summary() {
            return delegate.summary();
        }
    }
}

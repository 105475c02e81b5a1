package org.polenta.core.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.testing.InMemoryMetricRepository;

class CachingMetricRepositoryTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<List<UUID>> storeReads = new ArrayList<>();
    private InMemoryMetricRepository elsewhere;
    private CachingMetricRepository cache;

    @BeforeEach
    void setUp() {
        elsewhere = new InMemoryMetricRepository();
        MetricRepository counting = new CountingStore(elsewhere, storeReads);
        cache = new CachingMetricRepository(counting, Duration.ofSeconds(10), clock::get);
    }

    @Test
    void aSecondBatchOfTheSameMetricsIsAnsweredFromMemory() {
        Metric a = metric("a");
        Metric b = metric("b");
        elsewhere.create(a);
        elsewhere.create(b);

        assertThat(cache.get(List.of(a.id(), b.id()))).containsExactly(a, b);
        assertThat(cache.get(List.of(b.id(), a.id()))).containsExactly(b, a);

        assertThat(storeReads).containsExactly(List.of(a.id(), b.id()));
    }

    @Test
    void onlyTheIdsNotRememberedAreReadAndUnknownIdsAreAskedEveryTime() {
        Metric a = metric("a");
        elsewhere.create(a);
        UUID unknown = UUID.randomUUID();
        cache.get(List.of(a.id()));

        assertThat(cache.get(List.of(a.id(), unknown))).containsExactly(a);
        assertThat(cache.get(List.of(unknown))).isEmpty();

        assertThat(storeReads).containsExactly(List.of(a.id()), List.of(unknown), List.of(unknown));
    }

    @Test
    void aMetricCreatedElsewhereAfterAMissIsFoundAtOnce() {
        Metric a = metric("a");
        assertThat(cache.get(List.of(a.id()))).isEmpty();
        elsewhere.create(a);
        assertThat(cache.get(List.of(a.id()))).containsExactly(a);
    }

    @Test
    void aDeleteThroughTheCacheIsSeenAtOnce() {
        Metric a = metric("a");
        cache.create(a);
        cache.get(List.of(a.id()));

        cache.delete(a.id());

        assertThat(cache.get(List.of(a.id()))).isEmpty();
    }

    @Test
    void aDeleteElsewhereIsSeenOnceTheEntryIsOlderThanItsTimeToLive() {
        Metric a = metric("a");
        elsewhere.create(a);
        cache.get(List.of(a.id()));
        elsewhere.delete(a.id());

        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(cache.get(List.of(a.id()))).containsExactly(a);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get(List.of(a.id()))).isEmpty();
    }

    @Test
    void anAttachThroughTheCacheIsSeenAtOnce() {
        Metric a = metric("a");
        cache.create(a);
        cache.get(List.of(a.id()));
        UUID resource = UUID.randomUUID();

        cache.attach(a.id(), resource, "cpu");

        assertThat(cache.get(List.of(a.id()))).singleElement()
            .satisfies(m -> assertThat(m.resourceId()).isEqualTo(resource));
    }

    @Test
    void aSingleGetAlwaysAsksTheStore() {
        Metric a = metric("a");
        elsewhere.create(a);
        cache.get(List.of(a.id()));
        elsewhere.delete(a.id());

        assertThat(cache.get(a.id())).isEmpty();
    }

    private static Metric metric(String name) {
        return new Metric(UUID.randomUUID(), "low", "admin", name, null, null, Metric.ACTIVE);
    }

    /** The in-memory store, recording which ids each multi-id read asked for. */
    private record CountingStore(InMemoryMetricRepository store, List<List<UUID>> reads) implements MetricRepository {

        @Override
        public void create(Metric metric) {
            store.create(metric);
        }

        @Override
        public java.util.Optional<Metric> get(UUID id) {
            return store.get(id);
        }

        @Override
        public List<Metric> get(List<UUID> ids) {
            reads.add(List.copyOf(ids));
            return store.get(ids);
        }

        @Override
        public List<Metric> find(java.util.Map<String, String> equalities) {
            return store.find(equalities);
        }

        @Override
        public void delete(UUID id) {
            store.delete(id);
        }

        @Override
        public void attach(UUID id, UUID resourceId, String name) {
            store.attach(id, resourceId, name);
        }
    }
}

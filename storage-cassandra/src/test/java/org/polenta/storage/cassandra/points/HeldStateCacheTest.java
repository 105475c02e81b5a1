package org.polenta.storage.cassandra.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.polenta.core.processor.SackTenures;

class HeldStateCacheTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final SackTenures tenures = new SackTenures(1, clock::get);
    private final UUID metric = UUID.randomUUID();
    private final HeldStateCache.Key key = new HeldStateCache.Key(metric, "mean", 1, 7);

    private HeldStateCache cache(long budget) {
        return new HeldStateCache(tenures, id -> 0, budget, clock::get);
    }

    @Test
    void nothingIsCachedWithoutATenure() {
        HeldStateCache cache = cache(1 << 20);
        long tenure = cache.tenureOf(metric);
        assertThat(tenure).isEqualTo(SackTenures.NONE);
        cache.put(key, tenure, new byte[] {1}, 0, 0, clock.get());
        assertThat(cache.get(key, tenure)).isNull();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void anEntryCountsOnlyInTheTenureItWasFilledIn() {
        HeldStateCache cache = cache(1 << 20);
        tenures.held(0, clock.get() + 30_000);
        long tenure = cache.tenureOf(metric);
        cache.put(key, tenure, new byte[] {1, 2}, 0, 0, clock.get());
        assertThat(cache.get(key, tenure).blob()).containsExactly(1, 2);
        tenures.ended(0);
        tenures.held(0, clock.get() + 30_000);
        assertThat(cache.get(key, cache.tenureOf(metric))).isNull();
    }

    @Test
    void anEntryStopsCountingBeforeCassandraWouldExpireTheRow() {
        HeldStateCache cache = cache(1 << 20);
        tenures.held(0, Long.MAX_VALUE);
        long tenure = cache.tenureOf(metric);
        cache.put(key, tenure, new byte[] {1}, 0, 3600, clock.get());
        clock.addAndGet(3_500_000);
        assertThat(cache.get(key, tenure)).isNotNull();
        clock.addAndGet(60_000);
        assertThat(cache.get(key, tenure)).isNull();
    }

    @Test
    void absentRowsAndForgottenEntries() {
        HeldStateCache cache = cache(1 << 20);
        tenures.held(0, Long.MAX_VALUE);
        long tenure = cache.tenureOf(metric);
        cache.put(key, tenure, null, 0, 0, clock.get());
        assertThat(cache.get(key, tenure).absent()).isTrue();
        cache.forget(key);
        assertThat(cache.get(key, tenure)).isNull();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void staysWithinItsBudget() {
        HeldStateCache cache = cache(10_000);
        tenures.held(0, Long.MAX_VALUE);
        long tenure = cache.tenureOf(metric);
        for (int i = 0; i < 100; i++) {
            cache.put(new HeldStateCache.Key(metric, "mean", 1, i), tenure, new byte[1000], 0, 0, clock.get());
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(10_000);
        assertThat(cache.get(new HeldStateCache.Key(metric, "mean", 1, 99), tenure)).isNotNull();
    }
}

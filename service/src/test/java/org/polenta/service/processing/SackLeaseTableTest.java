package org.polenta.service.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.polenta.core.processor.SackLeases;

class SackLeaseTableTest {

    /** Leases in memory with an explicit clock: expiring claims, one owner at a time. */
    static final class MemoryLeases implements SackLeases {
        final Map<Integer, String> owners = new HashMap<>();
        final Map<Integer, Long> expiries = new HashMap<>();
        final AtomicLong now;
        final AtomicInteger calls = new AtomicInteger();

        MemoryLeases(AtomicLong now) {
            this.now = now;
        }

        @Override
        public synchronized boolean tryAcquire(int sack, String owner, Duration ttl) {
            calls.incrementAndGet();
            String current = owners.get(sack);
            if (current != null && !current.equals(owner) && expiries.get(sack) > now.get()) {
                return false;
            }
            owners.put(sack, owner);
            expiries.put(sack, now.get() + ttl.toMillis());
            return true;
        }

        @Override
        public synchronized void release(int sack, String owner) {
            if (owner.equals(owners.get(sack))) {
                owners.remove(sack);
                expiries.remove(sack);
            }
        }
    }

    @Test
    void takesALeaseOnceAndRenewsItOnlyAfterHalfItsLife() {
        AtomicLong clock = new AtomicLong(1_000);
        MemoryLeases leases = new MemoryLeases(clock);
        SackLeaseTable table = new SackLeaseTable(leases, "me", 4, Duration.ofSeconds(30), clock::get);
        assertThat(table.hold(2)).isTrue();
        clock.addAndGet(10_000);
        assertThat(table.hold(2)).isTrue();
        assertThat(leases.calls.get()).isEqualTo(1);
        clock.addAndGet(6_000);
        assertThat(table.hold(2)).isTrue();
        assertThat(leases.calls.get()).isEqualTo(2);
    }

    @Test
    void backsOffFromSacksHeldElsewhereAndTakesThemOverWhenTheyExpire() {
        AtomicLong clock = new AtomicLong(1_000);
        MemoryLeases leases = new MemoryLeases(clock);
        leases.tryAcquire(1, "other", Duration.ofSeconds(30));
        SackLeaseTable table = new SackLeaseTable(leases, "me", 4, Duration.ofSeconds(30), clock::get);
        assertThat(table.hold(1)).isFalse();
        int calls = leases.calls.get();
        clock.addAndGet(1_000);
        assertThat(table.hold(1)).isFalse();
        assertThat(leases.calls.get()).isEqualTo(calls);
        clock.addAndGet(30_000);
        assertThat(table.hold(1)).isTrue();
    }

    @Test
    void releasesWhatItHoldsOnShutdown() {
        AtomicLong clock = new AtomicLong(1_000);
        MemoryLeases leases = new MemoryLeases(clock);
        SackLeaseTable table = new SackLeaseTable(leases, "me", 4, Duration.ofSeconds(30), clock::get);
        table.hold(0);
        table.hold(3);
        table.releaseAll();
        assertThat(leases.owners).isEmpty();
        assertThat(new SackLeaseTable(leases, "other", 4, Duration.ofSeconds(30), clock::get).hold(3)).isTrue();
    }

    @Test
    void renewsTheLeasesItHoldsPastHalfTheirLifeAndNoOthers() {
        AtomicLong clock = new AtomicLong(1_000);
        MemoryLeases leases = new MemoryLeases(clock);
        leases.tryAcquire(1, "other", Duration.ofSeconds(30));
        SackLeaseTable table = new SackLeaseTable(leases, "me", 4, Duration.ofSeconds(30), clock::get);
        table.hold(2);
        int calls = leases.calls.get();
        clock.addAndGet(5_000);
        table.renewHeld();
        assertThat(leases.calls.get()).isEqualTo(calls);
        clock.addAndGet(11_000);
        table.renewHeld();
        assertThat(leases.calls.get()).isEqualTo(calls + 1);
        assertThat(leases.expiries.get(2)).isEqualTo(clock.get() + 30_000);
        assertThat(leases.owners.get(1)).isEqualTo("other");
    }
}

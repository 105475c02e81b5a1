package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.processor.SackLeases;

/** What every SackLeases must do. Lease TTLs are whole seconds in some stores, so expiry is tested coarsely. */
public abstract class SackLeasesContract {

    private static final Duration LONG = Duration.ofSeconds(60);

    protected abstract SackLeases leases();

    private SackLeases leases;
    private int sack;

    @BeforeEach
    void setUpLeases() {
        leases = leases();
        // Sacks of their own, as the store may be shared by the tests of a class.
        sack = ThreadLocalRandom.current().nextInt(1_000, 1_000_000_000);
    }

    @Test
    void aFreeSackIsAcquiredAndThenRefusedToOthers() {
        assertThat(leases.tryAcquire(sack, "a", LONG)).isTrue();
        assertThat(leases.tryAcquire(sack, "b", LONG)).isFalse();
    }

    @Test
    void theHolderRenewsItsLease() {
        assertThat(leases.tryAcquire(sack, "a", LONG)).isTrue();
        assertThat(leases.tryAcquire(sack, "a", LONG)).isTrue();
        assertThat(leases.tryAcquire(sack, "b", LONG)).isFalse();
    }

    @Test
    void aReleasedSackCanBeTakenByAnother() {
        assertThat(leases.tryAcquire(sack, "a", LONG)).isTrue();
        leases.release(sack, "a");
        assertThat(leases.tryAcquire(sack, "b", LONG)).isTrue();
        assertThat(leases.tryAcquire(sack, "a", LONG)).isFalse();
    }

    @Test
    void onlyTheHolderCanRelease() {
        assertThat(leases.tryAcquire(sack, "a", LONG)).isTrue();
        leases.release(sack, "b");
        assertThat(leases.tryAcquire(sack, "b", LONG)).isFalse();
    }

    @Test
    void releasingAFreeSackDoesNothing() {
        leases.release(sack, "a");
        assertThat(leases.tryAcquire(sack, "b", LONG)).isTrue();
    }

    @Test
    void sacksAreIndependent() {
        assertThat(leases.tryAcquire(sack, "a", LONG)).isTrue();
        assertThat(leases.tryAcquire(sack + 1, "b", LONG)).isTrue();
    }

    @Test
    void aLeaseThatIsNotRenewedExpires() throws InterruptedException {
        assertThat(leases.tryAcquire(sack, "a", Duration.ofSeconds(1))).isTrue();
        assertThat(leases.tryAcquire(sack, "b", LONG)).isFalse();
        Thread.sleep(2_500);
        assertThat(leases.tryAcquire(sack, "b", LONG)).isTrue();
        assertThat(leases.tryAcquire(sack, "a", LONG)).isFalse();
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstTtl() throws InterruptedException {
        assertThat(leases.tryAcquire(sack, "a", Duration.ofSeconds(2))).isTrue();
        Thread.sleep(1_000);
        assertThat(leases.tryAcquire(sack, "a", Duration.ofSeconds(10))).isTrue();
        Thread.sleep(2_000);
        assertThat(leases.tryAcquire(sack, "b", LONG)).isFalse();
    }

    @Test
    void ofOwnersRacingForOneSackExactlyOneWins() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String owner = "owner" + i;
                attempts.add(() -> leases.tryAcquire(sack, owner, LONG));
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce(true);
            String winner = "owner" + outcomes.indexOf(true);
            assertThat(leases.tryAcquire(sack, winner, LONG)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.polenta.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Expiry with an injected clock: exact to the nanosecond, unlike the sleeping contract test. */
class InMemorySackLeasesClockTest {

    @Test
    void aLeaseExpiresExactlyAtItsTtl() {
        AtomicLong now = new AtomicLong(42);
        InMemorySackLeases leases = new InMemorySackLeases(now::get);
        assertThat(leases.tryAcquire(3, "a", Duration.ofNanos(100))).isTrue();
        now.addAndGet(99);
        assertThat(leases.tryAcquire(3, "b", Duration.ofSeconds(1))).isFalse();
        now.addAndGet(1);
        assertThat(leases.tryAcquire(3, "b", Duration.ofSeconds(1))).isTrue();
    }
}

package org.polenta.core.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SackTenuresTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final SackTenures tenures = new SackTenures(4, clock::get);

    @Test
    void noTenureUntilALeaseIsHeld() {
        assertThat(tenures.current(2)).isEqualTo(SackTenures.NONE);
    }

    @Test
    void aRenewalInTimeKeepsTheTenure() {
        tenures.held(2, 31_000);
        long first = tenures.current(2);
        clock.set(20_000);
        tenures.held(2, 50_000);
        assertThat(tenures.current(2)).isEqualTo(first).isNotEqualTo(SackTenures.NONE);
    }

    @Test
    void aLeaseThatRanOutEndsTheTenureAndTheNextHoldIsANewOne() {
        tenures.held(2, 31_000);
        long first = tenures.current(2);
        clock.set(31_000);
        assertThat(tenures.current(2)).isEqualTo(SackTenures.NONE);
        tenures.held(2, 61_000);
        assertThat(tenures.current(2)).isNotEqualTo(first).isNotEqualTo(SackTenures.NONE);
    }

    @Test
    void aRenewalAfterTheLeaseRanOutIsANewTenureEvenUnasked() {
        tenures.held(2, 31_000);
        long first = tenures.current(2);
        clock.set(40_000);
        tenures.held(2, 70_000);
        assertThat(tenures.current(2)).isNotEqualTo(first);
    }

    @Test
    void aLostOrReleasedLeaseEndsTheTenure() {
        tenures.held(1, 31_000);
        long first = tenures.current(1);
        tenures.ended(1);
        assertThat(tenures.current(1)).isEqualTo(SackTenures.NONE);
        tenures.held(1, 31_000);
        assertThat(tenures.current(1)).isNotEqualTo(first);
    }

    @Test
    void sacksHaveTenuresOfTheirOwn() {
        tenures.held(1, 31_000);
        assertThat(tenures.current(0)).isEqualTo(SackTenures.NONE);
        assertThat(tenures.current(1)).isNotEqualTo(SackTenures.NONE);
    }
}

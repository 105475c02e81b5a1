package org.polenta.service.auth.keystone;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A wall clock and a Caffeine ticker that move only when told, together or (to model a clock step) apart. */
final class FakeTime extends Clock implements Ticker {

    private volatile Instant now;
    private volatile long nanos;

    FakeTime(Instant start) {
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
        nanos += d.toNanos();
    }

    /** Only the wall clock moves, as when NTP steps it; Caffeine's ticker does not see it. */
    void stepWallClock(Duration d) {
        now = now.plus(d);
    }

    @Override
    public long read() {
        return nanos;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}

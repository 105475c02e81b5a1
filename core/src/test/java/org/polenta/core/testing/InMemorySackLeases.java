package org.polenta.core.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.polenta.core.processor.SackLeases;

/** SackLeases in a map, for tests; behaves like the Cassandra one (same contract suite). */
public final class InMemorySackLeases implements SackLeases {

    private record Lease(String owner, long expiresAtNanos) {
    }

    private final Map<Integer, Lease> leases = new HashMap<>();
    private final LongSupplier nanoClock;

    public InMemorySackLeases() {
        this(System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds, so tests can make leases expire without sleeping. */
    public InMemorySackLeases(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized boolean tryAcquire(int sack, String owner, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease ttl must be positive: " + ttl);
        }
        long now = nanoClock.getAsLong();
        Lease current = leases.get(sack);
        if (current != null && current.expiresAtNanos() - now > 0 && !current.owner().equals(owner)) {
            return false;
        }
        leases.put(sack, new Lease(owner, now + ttl.toNanos()));
        return true;
    }

    @Override
    public synchronized void release(int sack, String owner) {
        Lease current = leases.get(sack);
        if (current != null && current.owner().equals(owner)) {
            leases.remove(sack);
        }
    }
}

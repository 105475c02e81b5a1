package org.polenta.service.processing;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.polenta.core.processor.SackLeases;
import org.polenta.core.processor.SackTenures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's view of the sack leases, shared by its processor threads and refresh=true reads: which sacks
 * it holds and until when, renewed once half the lease has run, retried on sacks held elsewhere no more often
 * than that. Within the instance, {@link MetricLocks} keep one thread per metric.
 */
public final class SackLeaseTable {

    private static final Logger LOG = LoggerFactory.getLogger(SackLeaseTable.class);

    private final SackLeases leases;
    private final String owner;
    private final Duration ttl;
    private final LongSupplier clockMillis;
    private final long[] heldUntil;
    private final long[] nextAttempt;
    private final Object[] leaseMonitors;
    private final SackTenures tenures;

    public SackLeaseTable(SackLeases leases, String owner, int sacks, Duration ttl, LongSupplier clockMillis) {
        this(leases, owner, sacks, ttl, clockMillis, new SackTenures(sacks, clockMillis));
    }

    /** @param tenures told of every hold taken, renewed, lost or given up (caches trust what they hold by it) */
    public SackLeaseTable(SackLeases leases, String owner, int sacks, Duration ttl, LongSupplier clockMillis,
                          SackTenures tenures) {
        this.tenures = tenures;
        this.leases = leases;
        this.owner = owner;
        this.ttl = ttl;
        this.clockMillis = clockMillis;
        this.heldUntil = new long[sacks];
        this.nextAttempt = new long[sacks];
        this.leaseMonitors = new Object[sacks];
        for (int i = 0; i < sacks; i++) {
            leaseMonitors[i] = new Object();
        }
    }

    public String owner() {
        return owner;
    }

    public int sacks() {
        return leaseMonitors.length;
    }

    /** Holds (taking or renewing as needed) the lease of the sack; false while another instance holds it. */
    public boolean hold(int sack) {
        synchronized (leaseMonitors[sack]) {
            long now = clockMillis.getAsLong();
            long half = ttl.toMillis() / 2;
            if (heldUntil[sack] - now > half) {
                return true;
            }
            if (heldUntil[sack] <= now && nextAttempt[sack] > now) {
                return false;
            }
            boolean acquired;
            try {
                acquired = leases.tryAcquire(sack, owner, ttl);
            } catch (RuntimeException e) {
                LOG.warn("could not take the lease of sack {}: {}", sack, e.toString());
                acquired = false;
            }
            if (acquired) {
                heldUntil[sack] = now + ttl.toMillis();
                tenures.held(sack, heldUntil[sack]);
                return true;
            }
            heldUntil[sack] = 0;
            tenures.ended(sack);
            nextAttempt[sack] = now + half;
            return false;
        }
    }

    /**
     * Renews the leases this instance holds that are past half their life. Passes renew as they go, but a sack
     * whose worker is busy elsewhere for longer than a lease would lose it, and with it what was cached for it.
     */
    public void renewHeld() {
        for (int sack = 0; sack < leaseMonitors.length; sack++) {
            boolean held;
            synchronized (leaseMonitors[sack]) {
                held = heldUntil[sack] > clockMillis.getAsLong();
            }
            if (held) {
                hold(sack);
            }
        }
    }

    /** Gives every held lease up, so another instance can take over at once (shutdown). */
    public void releaseAll() {
        long now = clockMillis.getAsLong();
        for (int sack = 0; sack < leaseMonitors.length; sack++) {
            synchronized (leaseMonitors[sack]) {
                if (heldUntil[sack] > now) {
                    try {
                        leases.release(sack, owner);
                    } catch (RuntimeException e) {
                        LOG.debug("could not release sack {}: {}", sack, e.toString());
                    }
                }
                heldUntil[sack] = 0;
                tenures.ended(sack);
            }
        }
    }
}

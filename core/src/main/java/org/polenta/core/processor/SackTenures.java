package org.polenta.core.processor;

import java.util.function.LongSupplier;

/**
 * This instance's uninterrupted holds of sack leases, numbered. While a tenure lasts no other instance processes
 * the sack's metrics, so what this instance last wrote for them is what storage holds: a cache of that state is
 * valid for as long as the tenure it was filled in. A tenure ends when the lease is lost, released or runs out
 * by this instance's clock; the next hold is a new tenure, and the cache entries of the old one no longer count.
 */
public final class SackTenures {

    /** No tenure: the sack is not held here, nothing cached for it may be trusted. */
    public static final long NONE = -1;

    private final LongSupplier clockMillis;
    private final long[] tenure;
    private final long[] until;
    private long lastTenure;

    public SackTenures(int sacks, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.tenure = new long[sacks];
        this.until = new long[sacks];
        java.util.Arrays.fill(tenure, NONE);
    }

    /** The lease was taken, or renewed, until {@code untilMillis}; a renewal of a lapsed hold starts a new tenure. */
    public synchronized void held(int sack, long untilMillis) {
        if (tenure[sack] == NONE || until[sack] <= clockMillis.getAsLong()) {
            tenure[sack] = ++lastTenure;
        }
        until[sack] = untilMillis;
    }

    /** The lease is not (or may no longer be) held here. */
    public synchronized void ended(int sack) {
        tenure[sack] = NONE;
        until[sack] = 0;
    }

    /** The current tenure of the sack, or {@link #NONE}. */
    public synchronized long current(int sack) {
        if (tenure[sack] != NONE && until[sack] <= clockMillis.getAsLong()) {
            tenure[sack] = NONE;
        }
        return tenure[sack];
    }
}

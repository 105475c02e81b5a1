package org.polenta.core.incoming;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The sacks a reader found empty, and when it looked, so that it can skip them while no writer has announced
 * them since ({@link IncomingMeasures#activeUntil()}). A sack's partition keeps the tombstones of its processed
 * rows for a while, so reading an empty sack is not free; reading all of them every second is what this saves.
 *
 * <p>A sack is looked at again when a writer announced it until a time later than the last look, less
 * {@link #SKEW_MILLIS} (the writers' clocks may run behind the reader's, and a write may land late), and in any
 * case {@link #RECHECK_MILLIS} after the last look, for rows written by a writer that announces nothing.
 */
public final class QuietSacks {

    public static final long SKEW_MILLIS = 10_000;
    public static final long RECHECK_MILLIS = 60_000;

    /** Per sack: when the look that found it empty started; 0 while it is not known to be empty. */
    private final AtomicLongArray emptySince;

    public QuietSacks(int sacks) {
        this.emptySince = new AtomicLongArray(sacks);
    }

    /** @param activeUntil the sack's announcement ({@link IncomingMeasures#activeUntil()}) */
    public boolean mustLook(int sack, long activeUntil, long nowMillis) {
        long since = emptySince.get(sack);
        return since == 0
                || activeUntil >= since - SKEW_MILLIS
                || nowMillis - since >= RECHECK_MILLIS;
    }

    /**
     * Records a look at the sack.
     *
     * @param startedAt when the look started: rows written before it were seen, later ones may not have been
     * @param empty     whether it found no pending measures
     */
    public void looked(int sack, long startedAt, boolean empty) {
        emptySince.set(sack, empty ? Math.max(startedAt, 1) : 0);
    }
}

package org.polenta.core.usage;

import org.polenta.core.aggregates.Points;

/**
 * How much a cumulative counter grew over a period, from its stored aggregates. Each aggregate in the period
 * adds its step from the aggregate before it (the one before the period included), which is what summing
 * Gnocchi's "rate:" aggregates gives, except across a reset: when the counter falls (a restarted VM, a
 * re-created interface) Gnocchi's rate is negative and the sum loses usage (Gnocchi issue #1079). A counter
 * restarts from zero, so after a fall the whole new value is growth.
 *
 * <p>A counter's first aggregate ever has no step: what it counted before it was first seen is not in the period.
 */
public final class CounterIncrease {

    private CounterIncrease() {
    }

    /** @param series the counter's aggregates, oldest first, starting before {@code from} where there are any */
    public static double over(Points series, long from, long to) {
        double increase = 0;
        for (int i = 1; i < series.size(); i++) {
            long t = series.timestamp(i);
            if (t < from || t >= to) {
                continue;
            }
            increase += step(series.value(i - 1), series.value(i));
        }
        return increase;
    }

    /** The growth between two successive values of a counter. */
    static double step(double before, double after) {
        return after >= before ? after - before : after;
    }
}

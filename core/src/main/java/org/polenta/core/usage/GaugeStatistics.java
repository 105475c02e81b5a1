package org.polenta.core.usage;

import org.polenta.core.aggregates.Points;

/**
 * A gauge over a period: its time-weighted mean and its maximum. Each aggregate weighs the time its bucket
 * spends inside the period, so buckets cut by start or stop count for less and time without data counts for
 * nothing (the mean is over the time the gauge was reported, not over the whole period). Statistics of several
 * resources add up into those of the whole group, as if their buckets were one series.
 *
 * @param weightedSum Σ value × seconds
 * @param seconds     the time the aggregates cover within the period
 * @param max         the greatest value, NaN when there is none
 */
public record GaugeStatistics(double weightedSum, double seconds, double max) {

    public static final GaugeStatistics NONE = new GaugeStatistics(0, 0, Double.NaN);

    /**
     * @param means the gauge's mean aggregates
     * @param maxes its max aggregates at the same granularity, or null when the policy keeps none (then the
     *              greatest mean stands for the maximum)
     */
    public static GaugeStatistics of(Points means, Points maxes, long granularity, long from, long to) {
        double sum = 0;
        long nanos = 0;
        double max = Double.NaN;
        for (int i = 0; i < means.size(); i++) {
            long overlap = Buckets.overlap(means.timestamp(i), granularity, from, to);
            if (overlap > 0) {
                sum += means.value(i) * overlap / 1e9;
                nanos += overlap;
                if (maxes == null) {
                    max = larger(max, means.value(i));
                }
            }
        }
        if (maxes != null) {
            for (int i = 0; i < maxes.size(); i++) {
                if (Buckets.overlap(maxes.timestamp(i), granularity, from, to) > 0) {
                    max = larger(max, maxes.value(i));
                }
            }
        }
        return new GaugeStatistics(sum, nanos / 1e9, max);
    }

    public GaugeStatistics plus(GaugeStatistics other) {
        return new GaugeStatistics(weightedSum + other.weightedSum, seconds + other.seconds, larger(max, other.max));
    }

    /** The time-weighted mean, NaN when no aggregate falls in the period. */
    public double mean() {
        return seconds == 0 ? Double.NaN : weightedSum / seconds;
    }

    private static double larger(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : Math.max(a, b);
    }
}

package org.polenta.storage.cassandra.codec;

import java.util.Arrays;

/**
 * Telemetry values are mostly short decimals (21.37) or means of a few of them (sum / 5, sum / 6). Such
 * doubles have noisy mantissas that XOR badly, but v × 10^k × d is (nearly) an integer whose deltas are small.
 * This encoding stores, for one multiplier M = 10^k × d, the integers round(v × M) as an {@link IntegerSeries}
 * plus, per value, the difference in bits between v and round(v × M) / M: zero for exact decimals, a few ulps
 * for means computed in floating point. Decoding adds the difference back, so it is lossless for every double
 * (NaN, -0.0 and infinities only cost more), and the codec picks it only when it is smaller than XOR.
 */
final class ScaledValues {

    static final int MAX_DECIMALS = 6;
    /** Counts of samples a mean commonly divides by; 60 is the least common multiple of 1..6. */
    private static final int[] DIVISORS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 60};
    private static final int SAMPLE = 64;

    private ScaledValues() {
    }

    /** The candidate multipliers in the order they are tried: decimals, then divisor, ascending. */
    private static final int CANDIDATES = (MAX_DECIMALS + 1) * DIVISORS.length;
    private static final double[] MULTIPLIERS = new double[CANDIDATES];
    /**
     * The candidates whose multiplier no earlier one has. A repeat (1 decimal, divisor 1 is 0 decimals, divisor
     * 10; so are 20, 30 and 60 against 2, 3 and 6) costs the same as its first, so it can never be chosen: the
     * first of equally cheap candidates is.
     */
    private static final int[] DISTINCT;

    static {
        int[] distinct = new int[CANDIDATES];
        int count = 0;
        for (int c = 0; c < CANDIDATES; c++) {
            MULTIPLIERS[c] = multiplier(c / DIVISORS.length, DIVISORS[c % DIVISORS.length]);
            boolean repeat = false;
            for (int earlier = 0; earlier < c; earlier++) {
                repeat |= MULTIPLIERS[earlier] == MULTIPLIERS[c];
            }
            if (!repeat) {
                distinct[count++] = c;
            }
        }
        DISTINCT = Arrays.copyOf(distinct, count);
    }

    /** Values a first, coarser look at the candidates samples, to find a good one to beat. */
    private static final int FIRST_LOOK = 4;

    /**
     * The multiplier that looks cheapest on a sample of the values, as {decimals, divisor}: of those with the
     * least cost on the sample, the first in candidate order.
     *
     * <p>A candidate's cost is summed over the sample and its sum stops as soon as it cannot win, so the sooner a
     * cheap candidate is known the less is summed: a first look on a few of the sampled values picks the
     * candidate to cost first, then every other one has to beat it (or tie it and come first in candidate order,
     * which keeps the choice the one a plain scan in candidate order makes).
     */
    static int[] chooseScale(double[] values) {
        int stride = Math.max(1, values.length / SAMPLE);
        int firstLookStride = Math.max(stride, values.length / FIRST_LOOK);
        int guess = 0;
        long guessCost = Long.MAX_VALUE;
        for (int c : DISTINCT) {
            long cost = sampleCost(values, MULTIPLIERS[c], firstLookStride, guessCost);
            if (cost < guessCost) {
                guessCost = cost;
                guess = c;
            }
        }
        int best = guess;
        long bestCost = sampleCost(values, MULTIPLIERS[guess], stride, Long.MAX_VALUE);
        for (int c : DISTINCT) {
            if (c == guess) {
                continue;
            }
            // Before the best in candidate order, a tie is enough to take its place.
            long limit = c < best ? bestCost + 1 : bestCost;
            long cost = sampleCost(values, MULTIPLIERS[c], stride, limit);
            if (cost < limit) {
                bestCost = cost;
                best = c;
            }
        }
        return new int[] {best / DIVISORS.length, DIVISORS[best % DIVISORS.length]};
    }

    /**
     * The cost of one multiplier on every stride-th value, or, as soon as it cannot be below {@code limit}, some
     * number >= limit: every value left costs at least 2 bits (a delta and a residual of at least 1 each).
     */
    private static long sampleCost(double[] values, double multiplier, int stride, long limit) {
        long cost = 0;
        long previous = 0;
        long floorOfRest = 2L * ((values.length + stride - 1) / stride);
        for (int i = 0; i < values.length; i += stride) {
            if (cost + floorOfRest >= limit) {
                return Math.max(limit, cost);
            }
            long scaled = scale(values[i], multiplier);
            cost += SignedBuckets.cost(scaled - previous) + SignedBuckets.cost(residual(values[i], scaled, multiplier));
            floorOfRest -= 2;
            previous = scaled;
        }
        return cost;
    }

    static void write(BitWriter out, double[] values, int decimals, int divisor) {
        prepare(values, decimals, divisor).write(out);
    }

    /** The values scaled at the cheapest-looking multiplier, ready to be sized and written. */
    static Prepared prepare(double[] values) {
        int[] scale = chooseScale(values);
        return prepare(values, scale[0], scale[1]);
    }

    static Prepared prepare(double[] values, int decimals, int divisor) {
        double multiplier = multiplier(decimals, divisor);
        long[] scaled = new long[values.length];
        long[] residuals = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = scale(values[i], multiplier);
            residuals[i] = residual(values[i], scaled[i], multiplier);
        }
        return new Prepared(decimals, divisor, scaled, residuals, IntegerSeries.plan(scaled),
            IntegerSeries.plan(residuals));
    }

    /** What {@link #write} writes, and its exact size in bits, known before writing. */
    record Prepared(int decimals, int divisor, long[] scaled, long[] residuals, long scaledPlan, long residualPlan) {

        long bits() {
            return 4 + 8 + IntegerSeries.planBits(scaledPlan) + IntegerSeries.planBits(residualPlan);
        }

        void write(BitWriter out) {
            out.write(decimals, 4);
            out.write(divisor, 8);
            IntegerSeries.write(out, scaled, scaledPlan);
            IntegerSeries.write(out, residuals, residualPlan);
        }
    }

    static double[] read(BitReader in, int count) {
        int decimals = (int) in.read(4);
        int divisor = (int) in.read(8);
        double multiplier = multiplier(decimals, divisor);
        long[] scaled = IntegerSeries.read(in, count);
        long[] residuals = IntegerSeries.read(in, count);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(scaled[i] / multiplier) + residuals[i]);
        }
        return values;
    }

    private static double multiplier(int decimals, int divisor) {
        return Math.pow(10, decimals) * divisor;
    }

    /** Saturates for huge or non-finite values; the residual then carries the whole value, still exactly. */
    private static long scale(double value, double multiplier) {
        return (long) Math.rint(value * multiplier);
    }

    private static long residual(double value, long scaled, double multiplier) {
        return Double.doubleToRawLongBits(value) - Double.doubleToRawLongBits(scaled / multiplier);
    }
}

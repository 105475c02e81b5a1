package org.polenta.storage.cassandra.codec;

/**
 * Encodes a sequence of longs as its first value plus residuals of order 1 (deltas, good for noisy levels) or
 * order 2 (deltas of deltas after an explicit first delta, good for regular timestamps and steady counters),
 * each residual either in Gorilla's variable-width buckets (good when most residuals are zero but some are
 * not) or bit-packed at one fixed width (good for uniform noise; zero bits when all residuals are zero, so a
 * perfectly regular series costs nothing per point). The smallest of the four is written, behind a 2-bit tag.
 * Arithmetic wraps, so any long sequence round-trips.
 */
final class IntegerSeries {

    private IntegerSeries() {
    }

    static void write(BitWriter out, long[] xs) {
        write(out, xs, plan(xs));
    }

    /**
     * The encoding {@link #write} picks for {@code xs}, in one pass and without allocating: order and packing
     * (tag), the fixed width, and the exact size in bits.
     */
    static long plan(long[] xs) {
        int n = xs.length;
        long buckets1 = 0;
        long buckets2 = 0;
        long any1 = 0;
        long any2 = 0;
        if (n > 1 && constantDelta(xs)) {
            // Regular ticks, a constant, exact decimals' zero residuals: the sums below, without the loop.
            long delta = xs[1] - xs[0];
            buckets1 = (n - 1) * (long) SignedBuckets.cost(delta);
            any1 = zigZag(delta);
            buckets2 = (n - 2) * (long) SignedBuckets.cost(0);
        } else {
            long previousDelta = 0;
            for (int i = 1; i < n; i++) {
                long delta = xs[i] - xs[i - 1];
                buckets1 += SignedBuckets.cost(delta);
                any1 |= zigZag(delta);
                if (i >= 2) {
                    long residual = delta - previousDelta;
                    buckets2 += SignedBuckets.cost(residual);
                    any2 |= zigZag(residual);
                }
                previousDelta = delta;
            }
        }
        long count1 = Math.max(0, n - 1);
        long count2 = Math.max(0, n - 2);
        int width1 = width(any1);
        int width2 = width(any2);
        long header2 = n > 1 ? 64 : 0;
        // The same candidates, order and strict comparisons as ever: ties keep the earlier one.
        long[] costs = {buckets1, 7 + width1 * count1, header2 + buckets2, header2 + 7 + width2 * count2};
        int best = 0;
        for (int tag = 1; tag < costs.length; tag++) {
            if (costs[tag] < costs[best]) {
                best = tag;
            }
        }
        boolean fixed = (best & 1) == 1;
        int order = (best >> 1) + 1;
        int width = order == 1 ? width1 : width2;
        long bits = BitWriter.zigZagBits(xs[0]) + 2;
        if (order == 2 && n > 1) {
            bits += BitWriter.zigZagBits(xs[1] - xs[0]);
        }
        bits += fixed ? 7 + width * (order == 1 ? count1 : count2) : (order == 1 ? buckets1 : buckets2);
        return packPlan(best, fixed ? width : 0, bits);
    }

    private static boolean constantDelta(long[] xs) {
        long delta = xs[1] - xs[0];
        for (int i = 2; i < xs.length; i++) {
            if (xs[i] - xs[i - 1] != delta) {
                return false;
            }
        }
        return true;
    }

    /** The size in bits of a {@link #plan}. */
    static long planBits(long plan) {
        return plan >>> 10;
    }

    static void write(BitWriter out, long[] xs, long plan) {
        int tag = (int) (plan & 3);
        int width = (int) (plan >>> 2) & 0xFF;
        int order = (tag >> 1) + 1;
        boolean fixed = (tag & 1) == 1;
        out.writeZigZag(xs[0]);
        out.write(tag, 2);
        int first = 1;
        long previousDelta = 0;
        if (order == 2 && xs.length > 1) {
            previousDelta = xs[1] - xs[0];
            out.writeZigZag(previousDelta);
            first = 2;
        }
        if (fixed) {
            out.write(width, 7);
            if (width == 0) {
                return;
            }
        }
        for (int i = first; i < xs.length; i++) {
            long delta = xs[i] - xs[i - 1];
            long residual = order == 1 ? delta : delta - previousDelta;
            previousDelta = delta;
            if (fixed) {
                out.write(zigZag(residual), width);
            } else {
                SignedBuckets.write(out, residual);
            }
        }
    }

    static long[] read(BitReader in, int count) {
        long[] xs = new long[count];
        xs[0] = in.readZigZag();
        int tag = (int) in.read(2);
        int order = (tag >> 1) + 1;
        boolean fixed = (tag & 1) == 1;
        int first = 1;
        long previousDelta = 0;
        if (order == 2 && count > 1) {
            previousDelta = in.readZigZag();
            xs[1] = xs[0] + previousDelta;
            first = 2;
        }
        int width = fixed ? (int) in.read(7) : 0;
        for (int i = first; i < count; i++) {
            long residual;
            if (fixed) {
                long raw = in.read(width);
                residual = (raw >>> 1) ^ -(raw & 1);
            } else {
                residual = SignedBuckets.read(in);
            }
            long delta = order == 1 ? residual : previousDelta + residual;
            xs[i] = xs[i - 1] + delta;
            previousDelta = delta;
        }
        return xs;
    }

    private static long packPlan(int tag, int width, long bits) {
        return bits << 10 | (long) width << 2 | tag;
    }

    private static int width(long anyZigZag) {
        return 64 - Long.numberOfLeadingZeros(anyZigZag);
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }
}

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
        out.writeZigZag(xs[0]);
        int bestOrder = 1;
        boolean bestFixed = false;
        long bestCost = Long.MAX_VALUE;
        for (int order = 1; order <= 2; order++) {
            long[] r = residuals(xs, order);
            long header = order == 2 && xs.length > 1 ? 64 : 0;
            long buckets = header + bucketCost(r);
            long fixed = header + 7 + (long) fixedWidth(r) * r.length;
            if (buckets < bestCost) {
                bestCost = buckets;
                bestOrder = order;
                bestFixed = false;
            }
            if (fixed < bestCost) {
                bestCost = fixed;
                bestOrder = order;
                bestFixed = true;
            }
        }
        out.write((bestOrder - 1) << 1 | (bestFixed ? 1 : 0), 2);
        if (bestOrder == 2 && xs.length > 1) {
            out.writeZigZag(xs[1] - xs[0]);
        }
        long[] r = residuals(xs, bestOrder);
        if (bestFixed) {
            int width = fixedWidth(r);
            out.write(width, 7);
            for (long residual : r) {
                out.write(zigZag(residual), width);
            }
        } else {
            for (long residual : r) {
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

    /** Order 1: the deltas from xs[1]; order 2: the changes of delta from xs[2] (the first delta is explicit). */
    private static long[] residuals(long[] xs, int order) {
        if (xs.length <= order) {
            return new long[0];
        }
        long[] r = new long[xs.length - order];
        long previousDelta = order == 2 ? xs[1] - xs[0] : 0;
        for (int i = order; i < xs.length; i++) {
            long delta = xs[i] - xs[i - 1];
            r[i - order] = order == 1 ? delta : delta - previousDelta;
            previousDelta = delta;
        }
        return r;
    }

    private static long bucketCost(long[] residuals) {
        long bits = 0;
        for (long residual : residuals) {
            bits += SignedBuckets.cost(residual);
        }
        return bits;
    }

    private static int fixedWidth(long[] residuals) {
        long any = 0;
        for (long residual : residuals) {
            any |= zigZag(residual);
        }
        return 64 - Long.numberOfLeadingZeros(any);
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }
}

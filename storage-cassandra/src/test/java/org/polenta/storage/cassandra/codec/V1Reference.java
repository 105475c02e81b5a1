package org.polenta.storage.cassandra.codec;

import java.util.Arrays;
import org.polenta.core.aggregates.Points;

/**
 * A frozen copy of the version-1 encoder as it was before the encoding work (commit 2eaf1de): tests compare the
 * current encoder's bytes and sizes with it, and the benchmark times it. Decoding is left to the real codec.
 */
final class V1Reference {

    private V1Reference() {
    }

    static byte[] encode(Points points, long preferredUnit) {
        return Codec.encode(points, preferredUnit);
    }


    /**
     * The on-disk form of a block of points: a Gorilla-style compressed blob.
     *
     * <p>Timestamps are counted in a unit (the granularity for aggregates, so a regular series costs about one bit
     * per point) and stored as deltas of deltas. Values are stored either as Gorilla XOR'd float64 or as scaled
     * integers with exact corrections (see {@link ScaledValues}); whichever is smaller for the block wins.
     *
     * <pre>
     * byte    format version (1)
     * varint  count
     * -- only when count > 0:
     * varint  unit: nanoseconds per tick; every timestamp is a multiple of it
     * ...     ticks (timestamp / unit) as an {@link IntegerSeries}
     * byte    value encoding: 0 = XOR float64, 1 = scaled
     * ...     the values ({@link XorValues} or {@link ScaledValues})
     * </pre>
     */
    static final class Codec {

        private static final int VERSION = 1;
        private static final int XOR = 0;
        private static final int SCALED = 1;
        private static final long[] FALLBACK_UNITS = {1_000_000_000L, 1_000_000L, 1_000L, 1L};

        private Codec() {
        }

        /**
         * @param preferredUnit the spacing the timestamps are expected to be multiples of (e.g. the granularity);
         *                      any series is accepted, a coarser unit only makes it smaller.
         */
        public static byte[] encode(Points points, long preferredUnit) {
            int count = points.size();
            BitWriter out = new BitWriter(16 + count * 2);
            out.write(VERSION, 8);
            out.writeVarLong(count);
            if (count == 0) {
                return out.toByteArray();
            }
            long unit = unitFor(points.timestamps(), preferredUnit);
            out.writeVarLong(unit);
            long[] ticks = new long[count];
            for (int i = 0; i < count; i++) {
                ticks[i] = points.timestamp(i) / unit;
            }
            IntegerSeries.write(out, ticks);
            writeValues(out, points.values());
            return out.toByteArray();
        }

        private static void writeValues(BitWriter out, double[] values) {
            BitWriter xor = new BitWriter(values.length * 8);
            XorValues.write(xor, values);
            int[] scale = ScaledValues.chooseScale(values);
            BitWriter scaled = new BitWriter(values.length * 2);
            ScaledValues.write(scaled, values, scale[0], scale[1]);
            if (scaled.bitLength() < xor.bitLength()) {
                out.write(SCALED, 8);
                out.append(scaled);
                return;
            }
            out.write(XOR, 8);
            out.append(xor);
        }

        private static long unitFor(long[] timestamps, long preferredUnit) {
            if (preferredUnit > 0 && allMultiplesOf(timestamps, preferredUnit)) {
                return preferredUnit;
            }
            for (long unit : FALLBACK_UNITS) {
                if (allMultiplesOf(timestamps, unit)) {
                    return unit;
                }
            }
            return 1;
        }

        private static boolean allMultiplesOf(long[] timestamps, long unit) {
            for (long ts : timestamps) {
                if (ts % unit != 0) {
                    return false;
                }
            }
            return true;
        }
    }



    /** Appends bit fields, most significant bit first, to a growing byte array. */
    static final class BitWriter {

        private byte[] bytes;
        private long bitLength;

        BitWriter(int expectedBytes) {
            bytes = new byte[Math.max(16, expectedBytes)];
        }

        /** Writes the low {@code width} bits of {@code value} (0 <= width <= 64). */
        void write(long value, int width) {
            if (width == 0) {
                return;
            }
            ensureCapacity(bitLength + width);
            int remaining = width;
            while (remaining > 0) {
                int byteIndex = (int) (bitLength >>> 3);
                int freeInByte = 8 - (int) (bitLength & 7);
                int chunk = Math.min(freeInByte, remaining);
                int bits = (int) ((value >>> (remaining - chunk)) & ((1 << chunk) - 1));
                bytes[byteIndex] |= (byte) (bits << (freeInByte - chunk));
                remaining -= chunk;
                bitLength += chunk;
            }
        }

        void writeBit(boolean bit) {
            write(bit ? 1 : 0, 1);
        }

        /** Unsigned LEB128-style variable-length integer, written as 8-bit groups. */
        void writeVarLong(long value) {
            while ((value & ~0x7FL) != 0) {
                write((value & 0x7F) | 0x80, 8);
                value >>>= 7;
            }
            write(value, 8);
        }

        void writeZigZag(long value) {
            writeVarLong((value << 1) ^ (value >> 63));
        }

        long bitLength() {
            return bitLength;
        }

        /** Appends every bit {@code other} holds. */
        void append(BitWriter other) {
            long fullBytes = other.bitLength >>> 3;
            for (int i = 0; i < fullBytes; i++) {
                write(other.bytes[i] & 0xFF, 8);
            }
            int rest = (int) (other.bitLength & 7);
            if (rest > 0) {
                write((other.bytes[(int) fullBytes] & 0xFF) >>> (8 - rest), rest);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, (int) ((bitLength + 7) >>> 3));
        }

        private void ensureCapacity(long bits) {
            long needed = (bits + 7) >>> 3;
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.max(needed, bytes.length * 2L));
            }
        }
    }


    /**
     * Gorilla's float encoding: each value is XOR'd with the previous one and only the meaningful middle bits of
     * the difference are kept, reusing the previous leading/trailing-zero window when the new bits fit in it.
     * Exact for every bit pattern (negative zero, NaN payloads, infinities).
     */
    static final class XorValues {

        private XorValues() {
        }

        static void write(BitWriter out, double[] values) {
            long previous = Double.doubleToRawLongBits(values[0]);
            out.write(previous, 64);
            int windowLeading = -1;
            int windowTrailing = 0;
            for (int i = 1; i < values.length; i++) {
                long bits = Double.doubleToRawLongBits(values[i]);
                long xor = bits ^ previous;
                previous = bits;
                if (xor == 0) {
                    out.writeBit(false);
                    continue;
                }
                // 5 bits store the leading-zero count, so it is capped at 31.
                int leading = Math.min(Long.numberOfLeadingZeros(xor), 31);
                int trailing = Long.numberOfTrailingZeros(xor);
                if (windowLeading >= 0 && leading >= windowLeading && trailing >= windowTrailing) {
                    out.write(0b10, 2);
                    out.write(xor >>> windowTrailing, 64 - windowLeading - windowTrailing);
                } else {
                    int meaningful = 64 - leading - trailing;
                    out.write(0b11, 2);
                    out.write(leading, 5);
                    out.write(meaningful - 1, 6);
                    out.write(xor >>> trailing, meaningful);
                    windowLeading = leading;
                    windowTrailing = trailing;
                }
            }
        }

    }


    /**
     * Telemetry values are mostly short decimals (21.37) or means of a few of them (sum / 5, sum / 6). Such
     * doubles have noisy mantissas that XOR badly, but v × 10^k × d is (nearly) an integer whose deltas are small.
     * This encoding stores, for one multiplier M = 10^k × d, the integers round(v × M) as an {@link IntegerSeries}
     * plus, per value, the difference in bits between v and round(v × M) / M: zero for exact decimals, a few ulps
     * for means computed in floating point. Decoding adds the difference back, so it is lossless for every double
     * (NaN, -0.0 and infinities only cost more), and the codec picks it only when it is smaller than XOR.
     */
    static final class ScaledValues {

        static final int MAX_DECIMALS = 6;
        /** Counts of samples a mean commonly divides by; 60 is the least common multiple of 1..6. */
        private static final int[] DIVISORS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 60};
        private static final int SAMPLE = 64;

        private ScaledValues() {
        }

        /** The multiplier that looks cheapest on a sample of the values, as {decimals, divisor}. */
        static int[] chooseScale(double[] values) {
            int stride = Math.max(1, values.length / SAMPLE);
            int[] best = {0, 1};
            long bestCost = Long.MAX_VALUE;
            for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
                for (int divisor : DIVISORS) {
                    double multiplier = multiplier(decimals, divisor);
                    long cost = 0;
                    long previous = 0;
                    for (int i = 0; i < values.length && cost < bestCost; i += stride) {
                        long scaled = scale(values[i], multiplier);
                        cost += SignedBuckets.cost(scaled - previous) + SignedBuckets.cost(residual(values[i], scaled, multiplier));
                        previous = scaled;
                    }
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = new int[] {decimals, divisor};
                    }
                }
            }
            return best;
        }

        static void write(BitWriter out, double[] values, int decimals, int divisor) {
            double multiplier = multiplier(decimals, divisor);
            long[] scaled = new long[values.length];
            long[] residuals = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                scaled[i] = scale(values[i], multiplier);
                residuals[i] = residual(values[i], scaled[i], multiplier);
            }
            out.write(decimals, 4);
            out.write(divisor, 8);
            IntegerSeries.write(out, scaled);
            IntegerSeries.write(out, residuals);
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


    /**
     * Encodes a sequence of longs as its first value plus residuals of order 1 (deltas, good for noisy levels) or
     * order 2 (deltas of deltas after an explicit first delta, good for regular timestamps and steady counters),
     * each residual either in Gorilla's variable-width buckets (good when most residuals are zero but some are
     * not) or bit-packed at one fixed width (good for uniform noise; zero bits when all residuals are zero, so a
     * perfectly regular series costs nothing per point). The smallest of the four is written, behind a 2-bit tag.
     * Arithmetic wraps, so any long sequence round-trips.
     */
    static final class IntegerSeries {

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


    /**
     * Gorilla's variable-width code for small signed numbers (deltas of deltas): a unary prefix picks how many
     * bits follow, so the common case, zero, costs one bit and small jitter costs about a byte.
     */
    static final class SignedBuckets {

        /** Payload width of each bucket after its prefix of (index) ones and a terminating zero; the last bucket has no zero. */
        private static final int[] WIDTHS = {0, 6, 9, 13, 20, 32, 64};

        private SignedBuckets() {
        }

        static void write(BitWriter out, long value) {
            for (int bucket = 0; bucket < WIDTHS.length; bucket++) {
                int width = WIDTHS[bucket];
                if (fits(value, width)) {
                    boolean last = bucket == WIDTHS.length - 1;
                    out.write(last ? (1L << bucket) - 1 : ((1L << bucket) - 1) << 1, last ? bucket : bucket + 1);
                    out.write(value, width);
                    return;
                }
            }
            throw new AssertionError("64 bits always fit");
        }

        /** Bits {@link #write} would use, for choosing between encodings without writing. */
        static int cost(long value) {
            for (int bucket = 0; bucket < WIDTHS.length; bucket++) {
                if (fits(value, WIDTHS[bucket])) {
                    return (bucket == WIDTHS.length - 1 ? bucket : bucket + 1) + WIDTHS[bucket];
                }
            }
            throw new AssertionError("64 bits always fit");
        }

        private static boolean fits(long value, int width) {
            if (width == 64) {
                return true;
            }
            if (width == 0) {
                return value == 0;
            }
            long min = -(1L << (width - 1));
            long max = (1L << (width - 1)) - 1;
            return value >= min && value <= max;
        }
    }

}

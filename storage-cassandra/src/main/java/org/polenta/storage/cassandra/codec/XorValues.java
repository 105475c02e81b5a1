package org.polenta.storage.cassandra.codec;

/**
 * Gorilla's float encoding: each value is XOR'd with the previous one and only the meaningful middle bits of
 * the difference are kept, reusing the previous leading/trailing-zero window when the new bits fit in it.
 * Exact for every bit pattern (negative zero, NaN payloads, infinities).
 */
final class XorValues {

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
                out.write(0, 1);
                continue;
            }
            // 5 bits store the leading-zero count, so it is capped at 31.
            int leading = Math.min(Long.numberOfLeadingZeros(xor), 31);
            int trailing = Long.numberOfTrailingZeros(xor);
            if (windowLeading >= 0 && leading >= windowLeading && trailing >= windowTrailing) {
                int width = 64 - windowLeading - windowTrailing;
                if (width <= 62) {
                    out.write(0b10L << width | xor >>> windowTrailing, 2 + width);
                } else {
                    out.write(0b10, 2);
                    out.write(xor >>> windowTrailing, width);
                }
            } else {
                int meaningful = 64 - leading - trailing;
                long header = 0b11L << 11 | (long) leading << 6 | (meaningful - 1);
                if (meaningful <= 51) {
                    out.write(header << meaningful | xor >>> trailing, 13 + meaningful);
                } else {
                    out.write(header, 13);
                    out.write(xor >>> trailing, meaningful);
                }
                windowLeading = leading;
                windowTrailing = trailing;
            }
        }
    }

    /** Exactly the bits {@link #write} would write, without writing them. */
    static long bits(double[] values) {
        long previous = Double.doubleToRawLongBits(values[0]);
        long total = 64;
        int windowLeading = -1;
        int windowTrailing = 0;
        for (int i = 1; i < values.length; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            long xor = bits ^ previous;
            previous = bits;
            if (xor == 0) {
                total += 1;
                continue;
            }
            int leading = Math.min(Long.numberOfLeadingZeros(xor), 31);
            int trailing = Long.numberOfTrailingZeros(xor);
            if (windowLeading >= 0 && leading >= windowLeading && trailing >= windowTrailing) {
                total += 2 + 64 - windowLeading - windowTrailing;
            } else {
                total += 13 + 64 - leading - trailing;
                windowLeading = leading;
                windowTrailing = trailing;
            }
        }
        return total;
    }

    static double[] read(BitReader in, int count) {
        double[] values = new double[count];
        long previous = in.read(64);
        values[0] = Double.longBitsToDouble(previous);
        int windowLeading = 0;
        int windowTrailing = 0;
        for (int i = 1; i < count; i++) {
            if (in.readBit()) {
                if (in.readBit()) {
                    windowLeading = (int) in.read(5);
                    int meaningful = (int) in.read(6) + 1;
                    windowTrailing = 64 - windowLeading - meaningful;
                }
                long xor = in.read(64 - windowLeading - windowTrailing) << windowTrailing;
                previous ^= xor;
            }
            values[i] = Double.longBitsToDouble(previous);
        }
        return values;
    }
}

package org.polenta.storage.cassandra.codec;

/**
 * Gorilla's variable-width code for small signed numbers (deltas of deltas): a unary prefix picks how many
 * bits follow, so the common case, zero, costs one bit and small jitter costs about a byte.
 */
final class SignedBuckets {

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

    static long read(BitReader in) {
        int bucket = 0;
        while (bucket < WIDTHS.length - 1 && in.readBit()) {
            bucket++;
        }
        int width = WIDTHS[bucket];
        return width == 0 ? 0 : in.readSigned(width);
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

package org.polenta.storage.cassandra.codec;

/**
 * Gorilla's variable-width code for small signed numbers (deltas of deltas): a unary prefix picks how many
 * bits follow, so the common case, zero, costs one bit and small jitter costs about a byte.
 */
final class SignedBuckets {

    /** Payload width of each bucket after its prefix of (index) ones and a terminating zero; the last bucket has no zero. */
    private static final int[] WIDTHS = {0, 6, 9, 13, 20, 32, 64};
    private static final int LAST = WIDTHS.length - 1;
    /** By the signed width of a value (0..64): the first bucket it fits in, and what that bucket costs. */
    private static final int[] BUCKET_OF_WIDTH = new int[65];
    private static final int[] COST_OF_WIDTH = new int[65];

    static {
        for (int width = 0; width <= 64; width++) {
            int bucket = 0;
            while (WIDTHS[bucket] < width || (width > 0 && WIDTHS[bucket] == 0)) {
                bucket++;
            }
            BUCKET_OF_WIDTH[width] = bucket;
            COST_OF_WIDTH[width] = (bucket == LAST ? bucket : bucket + 1) + WIDTHS[bucket];
        }
    }

    private SignedBuckets() {
    }

    static void write(BitWriter out, long value) {
        int bucket = BUCKET_OF_WIDTH[signedWidth(value)];
        int width = WIDTHS[bucket];
        if (bucket == LAST) {
            out.write((1L << LAST) - 1, LAST);
            out.write(value, 64);
            return;
        }
        // The prefix (bucket ones, then a zero) and the payload in one field: at most 6 + 32 bits.
        long prefix = ((1L << bucket) - 1) << 1;
        long payload = width == 0 ? 0 : value & ((1L << width) - 1);
        out.write(prefix << width | payload, bucket + 1 + width);
    }

    static long read(BitReader in) {
        int bucket = in.readUnary(LAST);
        int width = WIDTHS[bucket];
        return width == 0 ? 0 : in.readSigned(width);
    }

    /** Bits {@link #write} would use, for choosing between encodings without writing. */
    static int cost(long value) {
        return COST_OF_WIDTH[signedWidth(value)];
    }

    /** The fewest bits holding {@code value} in two's complement; 0 for zero. */
    private static int signedWidth(long value) {
        // The zigzag form has as many significant bits, and none for zero: no branch.
        return 64 - Long.numberOfLeadingZeros((value << 1) ^ (value >> 63));
    }
}

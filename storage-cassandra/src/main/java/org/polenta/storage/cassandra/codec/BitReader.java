package org.polenta.storage.cassandra.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reads back what {@link BitWriter} wrote; running past the end is a corrupt blob. */
final class BitReader {

    private final byte[] bytes;
    private long position;

    BitReader(byte[] bytes) {
        this.bytes = bytes;
    }

    long read(int width) {
        if (width == 0) {
            return 0;
        }
        if (position + width > (long) bytes.length * 8) {
            throw new IllegalStateException("corrupt series blob: truncated at bit " + position);
        }
        if (width > 56) {
            long high = read(width - 32);
            return (high << 32) | read(32);
        }
        // The eight bytes from the current one, most significant first: the bits wanted are the top `width` ones
        // once those already read are shifted out (at most 7 + 56 bits). A bit at a time was most of decoding.
        int offset = (int) (position & 7);
        long window = window((int) (position >>> 3));
        position += width;
        return (window << offset) >>> (64 - width);
    }

    private long window(int byteIndex) {
        if (byteIndex + 8 <= bytes.length) {
            return (long) BIG_ENDIAN_LONGS.get(bytes, byteIndex);
        }
        long window = 0;
        for (int i = byteIndex; i < byteIndex + 8; i++) {
            window = (window << 8) | (i < bytes.length ? bytes[i] & 0xFF : 0);
        }
        return window;
    }

    private static final VarHandle BIG_ENDIAN_LONGS =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Reads one-bits up to {@code max} (at most 56) of them, and the zero that ends them when fewer: the count
     * of ones. The same as readBit() until a zero or the max, from one look at the next bytes.
     */
    int readUnary(int max) {
        long ahead = window((int) (position >>> 3)) << (position & 7);
        int ones = Math.min(Long.numberOfLeadingZeros(~ahead), max);
        int consumed = ones < max ? ones + 1 : ones;
        if (position + consumed > (long) bytes.length * 8) {
            throw new IllegalStateException("corrupt series blob: truncated at bit " + position);
        }
        position += consumed;
        return ones;
    }

    boolean readBit() {
        if (position >= (long) bytes.length * 8) {
            throw new IllegalStateException("corrupt series blob: truncated at bit " + position);
        }
        int bit = (bytes[(int) (position >>> 3)] >>> (7 - (int) (position & 7))) & 1;
        position++;
        return bit == 1;
    }

    long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            long group = read(8);
            result |= (group & 0x7F) << shift;
            if ((group & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalStateException("corrupt series blob: varint too long");
    }

    long readZigZag() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Sign-extends the low {@code width} bits. */
    long readSigned(int width) {
        long raw = read(width);
        return width == 64 ? raw : (raw << (64 - width)) >> (64 - width);
    }
}

package org.polenta.storage.cassandra.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Appends bit fields, most significant bit first, to a growing byte array.
 *
 * <p>Bits gather in a 64-bit accumulator that is stored eight bytes at a time: a field costs a few shifts rather
 * than a loop over the bytes it touches (that loop was most of encoding). The bytes are the same as writing bit
 * by bit, the last byte padded with zeros.
 */
final class BitWriter {

    private static final VarHandle BIG_ENDIAN_LONGS =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Whole longs already stored: {@code flushed} bytes, a multiple of 8. */
    private byte[] bytes;
    private int flushed;
    /** The {@code pending} (0..63) most recent bits, in the low bits. */
    private long accumulator;
    private int pending;

    BitWriter(int expectedBytes) {
        bytes = new byte[Math.max(16, (expectedBytes + 7) & ~7)];
    }

    /** Writes the low {@code width} bits of {@code value} (0 <= width <= 64). */
    void write(long value, int width) {
        if (width == 0) {
            return;
        }
        long bits = width == 64 ? value : value & ((1L << width) - 1);
        int free = 64 - pending;
        if (width < free) {
            accumulator = (accumulator << width) | bits;
            pending += width;
            return;
        }
        // The accumulator fills up: its bits then the top `free` bits of the field make a whole long.
        int rest = width - free;
        long full = free == 64 ? bits : (accumulator << free) | (bits >>> rest);
        flush(full);
        accumulator = rest == 0 ? 0 : bits & ((1L << rest) - 1);
        pending = rest;
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

    /** Bits {@link #writeVarLong} uses for {@code value}. */
    static int varLongBits(long value) {
        int significant = 64 - Long.numberOfLeadingZeros(value);
        return 8 * Math.max(1, (significant + 6) / 7);
    }

    static int zigZagBits(long value) {
        return varLongBits((value << 1) ^ (value >> 63));
    }

    long bitLength() {
        return flushed * 8L + pending;
    }

    /** Appends every bit {@code other} holds. */
    void append(BitWriter other) {
        for (int i = 0; i < other.flushed; i += 8) {
            write((long) BIG_ENDIAN_LONGS.get(other.bytes, i), 64);
        }
        write(other.accumulator, other.pending);
    }

    byte[] toByteArray() {
        int length = (int) ((bitLength() + 7) >>> 3);
        byte[] out = Arrays.copyOf(bytes, length);
        long aligned = pending == 0 ? 0 : accumulator << (64 - pending);
        for (int i = flushed; i < length; i++) {
            out[i] = (byte) (aligned >>> 56);
            aligned <<= 8;
        }
        return out;
    }

    private void flush(long full) {
        if (flushed + 8 > bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        BIG_ENDIAN_LONGS.set(bytes, flushed, full);
        flushed += 8;
    }
}

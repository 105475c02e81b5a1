package org.polenta.storage.cassandra.codec;

import java.util.Arrays;

/** Appends bit fields, most significant bit first, to a growing byte array. */
final class BitWriter {

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

package org.polenta.storage.cassandra.codec;

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
        long result = 0;
        int remaining = width;
        while (remaining > 0) {
            int byteIndex = (int) (position >>> 3);
            int availableInByte = 8 - (int) (position & 7);
            int chunk = Math.min(availableInByte, remaining);
            int bits = ((bytes[byteIndex] & 0xFF) >>> (availableInByte - chunk)) & ((1 << chunk) - 1);
            result = (result << chunk) | bits;
            remaining -= chunk;
            position += chunk;
        }
        return result;
    }

    boolean readBit() {
        return read(1) == 1;
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

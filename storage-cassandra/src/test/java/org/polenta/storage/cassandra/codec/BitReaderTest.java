package org.polenta.storage.cassandra.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitReaderTest {

    @Test
    void readsBackFieldsOfEveryWidthAtEveryBitOffset() {
        Random random = new Random(7);
        int n = 20_000;
        int[] widths = new int[n];
        long[] values = new long[n];
        BitWriter out = new BitWriter(16);
        for (int i = 0; i < n; i++) {
            widths[i] = random.nextInt(65);
            long mask = widths[i] == 64 ? -1L : (1L << widths[i]) - 1;
            values[i] = random.nextLong() & mask;
            if (widths[i] == 1 && random.nextBoolean()) {
                out.writeBit(values[i] == 1);
            } else {
                out.write(values[i], widths[i]);
            }
        }
        BitReader in = new BitReader(out.toByteArray());
        for (int i = 0; i < n; i++) {
            long read = widths[i] == 1 && random.nextBoolean() ? (in.readBit() ? 1 : 0) : in.read(widths[i]);
            assertThat(read).as("field %d of width %d", i, widths[i]).isEqualTo(values[i]);
        }
    }

    @Test
    void signedFieldsAreSignExtendedAndReadingPastTheEndIsCorrupt() {
        BitWriter out = new BitWriter(4);
        out.write(-5L & 0xF, 4);
        out.write(-1L, 64);
        out.write(3, 3);
        BitReader in = new BitReader(out.toByteArray());
        assertThat(in.readSigned(4)).isEqualTo(-5);
        assertThat(in.readSigned(64)).isEqualTo(-1);
        assertThat(in.readSigned(3)).isEqualTo(3);
        // 71 bits written, 72 in the last byte: one more bit, then nothing.
        assertThat(in.readBit()).isFalse();
        assertThatThrownBy(in::readBit).hasMessageContaining("corrupt series blob");
        assertThatThrownBy(() -> in.read(1)).hasMessageContaining("corrupt series blob");
    }

    @Test
    void readUnaryReadsWhatABitAtATimeReadsAndReportsTruncation() {
        Random random = new Random(11);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bytes = new byte[1 + random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly ones, so runs reach the maximum and the end of the blob.
                bytes[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : 0xFF);
            }
            int max = 1 + random.nextInt(6);
            BitReader fast = new BitReader(bytes);
            BitReader slow = new BitReader(bytes);
            while (true) {
                Integer expected;
                try {
                    int ones = 0;
                    while (ones < max && slow.readBit()) {
                        ones++;
                    }
                    expected = ones;
                } catch (IllegalStateException truncated) {
                    expected = null;
                }
                if (expected == null) {
                    assertThatThrownBy(() -> fast.readUnary(max)).hasMessageContaining("corrupt series blob");
                    break;
                }
                assertThat(fast.readUnary(max)).isEqualTo(expected);
            }
        }
    }
}

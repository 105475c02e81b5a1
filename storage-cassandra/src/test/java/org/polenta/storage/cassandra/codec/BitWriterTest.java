package org.polenta.storage.cassandra.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The accumulating writer lays out bits exactly as the bit-by-bit one did. */
class BitWriterTest {

    @Property(tries = 200)
    void writesTheSameBytesAsTheBitByBitWriter(@ForAll long seed) {
        Random random = new Random(seed);
        BitWriter fast = new BitWriter(random.nextInt(40));
        V1Reference.BitWriter reference = new V1Reference.BitWriter(16);
        int fields = random.nextInt(3000);
        for (int i = 0; i < fields; i++) {
            int width = random.nextInt(8) == 0 ? 64 : random.nextInt(65);
            // High bits beyond the width are ignored by both.
            long value = random.nextLong();
            switch (random.nextInt(4)) {
                case 0 -> {
                    long small = value >>> random.nextInt(64);
                    fast.writeVarLong(small);
                    reference.writeVarLong(small);
                    assertThat(BitWriter.varLongBits(small)).isEqualTo(varLongBitsWritten(small));
                }
                case 1 -> {
                    BitWriter part = new BitWriter(8);
                    V1Reference.BitWriter referencePart = new V1Reference.BitWriter(8);
                    for (int k = random.nextInt(20); k > 0; k--) {
                        part.write(value, width);
                        referencePart.write(value, width);
                        value = random.nextLong();
                    }
                    fast.append(part);
                    reference.append(referencePart);
                }
                default -> {
                    fast.write(value, width);
                    reference.write(value, width);
                }
            }
            assertThat(fast.bitLength()).isEqualTo(reference.bitLength());
        }
        assertThat(fast.toByteArray()).isEqualTo(reference.toByteArray());
    }

    private static long varLongBitsWritten(long value) {
        BitWriter out = new BitWriter(8);
        out.writeVarLong(value);
        return out.bitLength();
    }
}

package org.polenta.storage.cassandra.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SeriesShapes.Times;
import org.polenta.storage.cassandra.codec.SeriesShapes.Values;

/**
 * The faster encoder writes the same version-1 bytes as the encoder it replaced ({@link V1Reference}), for
 * series of every shape, and those bytes decode to the series bit for bit; its size predictions are exact.
 */
class SeriesCodecEquivalenceTest {

    @Property(tries = 600)
    void encodesTheSameBytesAsVersionOneAndRoundTrips(@ForAll long seed, @ForAll Times times, @ForAll Values values,
                                                       @ForAll @IntRange(min = 1, max = 3600) int size,
                                                       @ForAll("unit") long unit) {
        Points points = SeriesShapes.series(seed, times, values, size, unit);
        byte[] blob = SeriesCodec.encode(points, unit);
        assertThat(blob).isEqualTo(V1Reference.encode(points, unit));
        assertRoundTripsBitForBit(points, blob);
    }

    @Property(tries = 300)
    void shortSeriesToo(@ForAll long seed, @ForAll Times times, @ForAll Values values,
                        @ForAll @IntRange(min = 1, max = 5) int size) {
        Points points = SeriesShapes.series(seed, times, values, size, SeriesShapes.MINUTE);
        byte[] blob = SeriesCodec.encode(points, SeriesShapes.MINUTE);
        assertThat(blob).isEqualTo(V1Reference.encode(points, SeriesShapes.MINUTE));
        assertRoundTripsBitForBit(points, blob);
    }

    @Property(tries = 500)
    void choosesTheSameScaleAsVersionOne(@ForAll long seed, @ForAll Values values,
                                         @ForAll @IntRange(min = 1, max = 3600) int size) {
        double[] vs = SeriesShapes.values(new Random(seed), values, size);
        assertThat(ScaledValues.chooseScale(vs)).isEqualTo(V1Reference.ScaledValues.chooseScale(vs));
    }

    @Property(tries = 300)
    void xorSizeIsExact(@ForAll long seed, @ForAll Values values, @ForAll @IntRange(min = 1, max = 2000) int size) {
        double[] vs = SeriesShapes.values(new Random(seed), values, size);
        BitWriter out = new BitWriter(8);
        XorValues.write(out, vs);
        assertThat(XorValues.bits(vs)).isEqualTo(out.bitLength());
        V1Reference.BitWriter reference = new V1Reference.BitWriter(8);
        V1Reference.XorValues.write(reference, vs);
        assertThat(out.toByteArray()).isEqualTo(reference.toByteArray());
    }

    @Property(tries = 300)
    void scaledSizeIsExact(@ForAll long seed, @ForAll Values values, @ForAll @IntRange(min = 1, max = 2000) int size) {
        double[] vs = SeriesShapes.values(new Random(seed), values, size);
        ScaledValues.Prepared prepared = ScaledValues.prepare(vs);
        BitWriter out = new BitWriter(8);
        prepared.write(out);
        assertThat(prepared.bits()).isEqualTo(out.bitLength());
    }

    @Property(tries = 300)
    void integerSeriesSizeIsExact(@ForAll long seed, @ForAll @IntRange(min = 1, max = 500) int size,
                                  @ForAll @LongRange(min = 0, max = 62) long spread) {
        Random random = new Random(seed);
        long[] xs = new long[size];
        long x = random.nextLong();
        for (int i = 0; i < size; i++) {
            x += random.nextInt(4) == 0 ? random.nextLong() >> spread : 0;
            xs[i] = random.nextInt(3) == 0 ? random.nextLong() : x;
        }
        long plan = IntegerSeries.plan(xs);
        BitWriter out = new BitWriter(8);
        IntegerSeries.write(out, xs);
        assertThat(IntegerSeries.planBits(plan)).isEqualTo(out.bitLength());
        assertThat(IntegerSeries.read(new BitReader(out.toByteArray()), size)).isEqualTo(xs);
        // Unsorted, repeated, wrapping: as a measure batch's timestamps may be.
        V1Reference.BitWriter reference = new V1Reference.BitWriter(8);
        V1Reference.IntegerSeries.write(reference, xs);
        assertThat(out.toByteArray()).isEqualTo(reference.toByteArray());
    }

    @Property(tries = 300)
    void arithmeticProgressionsEncodeAsInVersionOne(@ForAll long first, @ForAll long step,
                                                   @ForAll @IntRange(min = 1, max = 400) int size,
                                                   @ForAll boolean smallStep) {
        long[] xs = new long[size];
        for (int i = 0; i < size; i++) {
            xs[i] = first + i * (smallStep ? step % 100 : step);
        }
        BitWriter out = new BitWriter(8);
        IntegerSeries.write(out, xs);
        V1Reference.BitWriter reference = new V1Reference.BitWriter(8);
        V1Reference.IntegerSeries.write(reference, xs);
        assertThat(out.toByteArray()).isEqualTo(reference.toByteArray());
        assertThat(IntegerSeries.planBits(IntegerSeries.plan(xs))).isEqualTo(out.bitLength());
        assertThat(IntegerSeries.read(new BitReader(out.toByteArray()), size)).isEqualTo(xs);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> unit() {
        return net.jqwik.api.Arbitraries.of(SeriesShapes.SECOND, SeriesShapes.MINUTE, 300 * SeriesShapes.SECOND,
            3600 * SeriesShapes.SECOND, 1_000_000L, 7 * SeriesShapes.SECOND);
    }

    static void assertRoundTripsBitForBit(Points points, byte[] blob) {
        Points back = SeriesCodec.decode(blob);
        assertThat(back.timestamps()).isEqualTo(points.timestamps());
        for (int i = 0; i < points.size(); i++) {
            assertThat(Double.doubleToRawLongBits(back.value(i)))
                .as("value %d", i)
                .isEqualTo(Double.doubleToRawLongBits(points.value(i)));
        }
    }
}

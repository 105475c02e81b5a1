package org.polenta.storage.cassandra.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;

class SeriesCodecTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    @Test
    void emptySeriesRoundTrips() {
        byte[] blob = SeriesCodec.encode(Points.EMPTY, MINUTE);
        assertThat(SeriesCodec.decode(blob)).isEqualTo(Points.EMPTY);
        assertThat(blob).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void singlePointRoundTrips() {
        Points one = new Points(new long[] {1_700_000_000 * SECOND}, new double[] {42.5});
        assertThat(SeriesCodec.decode(SeriesCodec.encode(one, MINUTE))).isEqualTo(one);
    }

    @Test
    void negativeZeroKeepsItsSign() {
        Points points = new Points(new long[] {0, MINUTE, 2 * MINUTE, 3 * MINUTE}, new double[] {0.0, -0.0, 1.5, -0.0});
        Points back = SeriesCodec.decode(SeriesCodec.encode(points, MINUTE));
        assertThat(Double.doubleToRawLongBits(back.value(1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(back.value(3))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back).isEqualTo(points);
    }

    @Test
    void nanAndInfinitiesRoundTripBitForBit() {
        double oddNan = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);
        double[] values = {Double.NaN, oddNan, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE, -Double.MAX_VALUE};
        long[] ts = new long[values.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = i * SECOND;
        }
        Points back = SeriesCodec.decode(SeriesCodec.encode(new Points(ts, values), SECOND));
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(back.value(i))).isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }

    @Test
    void largeGapsAndExtremeTimestampsRoundTrip() {
        long[] ts = {Long.MIN_VALUE, -1, 0, 1, 3, 1_000_000_007L, Long.MAX_VALUE / 2, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Points points = new Points(ts, values);
        assertThat(SeriesCodec.decode(SeriesCodec.encode(points, MINUTE))).isEqualTo(points);
    }

    @Test
    void timestampsThatAreNotMultiplesOfThePreferredUnitStillRoundTrip() {
        Points points = new Points(new long[] {MINUTE, MINUTE + 1_500_000, 3 * MINUTE + 7}, new double[] {1, 2, 3});
        assertThat(SeriesCodec.decode(SeriesCodec.encode(points, MINUTE))).isEqualTo(points);
    }

    @Test
    void decimalsThatAreNotShortStillRoundTrip() {
        double[] values = {0.1 + 0.2, 1.0 / 3, Math.PI, 1e300, -1e-300, 123456789.123456789, 9007199254740993.0};
        long[] ts = new long[values.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = i * MINUTE;
        }
        Points points = new Points(ts, values);
        assertThat(SeriesCodec.decode(SeriesCodec.encode(points, MINUTE))).isEqualTo(points);
    }

    @Test
    void aRegularSeriesOfTwoDecimalRandomWalkTakesAboutOneByteAndAHalfPerPoint() {
        Random random = new Random(7);
        int n = 3600;
        long[] ts = new long[n];
        double[] values = new double[n];
        double level = 50;
        for (int i = 0; i < n; i++) {
            ts[i] = 1_700_000_000L * SECOND / MINUTE * MINUTE + i * MINUTE;
            level += random.nextGaussian() * 0.2;
            values[i] = Math.round(level * 100) / 100.0;
        }
        byte[] blob = SeriesCodec.encode(new Points(ts, values), MINUTE);
        assertThat(SeriesCodec.decode(blob)).isEqualTo(new Points(ts, values));
        assertThat((double) blob.length / n).isLessThan(1.6);
    }

    @Test
    void meansOfShortDecimalsComputedInFloatingPointStayCompact() {
        Random random = new Random(5);
        int n = 1440;
        long[] ts = new long[n];
        double[] means = new double[n];
        double level = 30;
        for (int i = 0; i < n; i++) {
            ts[i] = i * MINUTE;
            double sum = 0;
            for (int k = 0; k < 6; k++) {
                level += random.nextGaussian() * 0.1;
                sum += Math.round(level * 100) / 100.0;
            }
            means[i] = sum / 6;
        }
        Points points = new Points(ts, means);
        byte[] blob = SeriesCodec.encode(points, MINUTE);
        assertThat(SeriesCodec.decode(blob)).isEqualTo(points);
        assertThat((double) blob.length / n).isLessThan(2.5);
    }

    @Test
    void aConstantRegularSeriesTakesAlmostNothing() {
        int n = 3600;
        long[] ts = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = i * MINUTE;
            values[i] = 1.0;
        }
        byte[] blob = SeriesCodec.encode(new Points(ts, values), MINUTE);
        assertThat(blob.length).isLessThan(20);
    }

    @Test
    void randomDoublesCostAtMostAboutNineBytesAPoint() {
        Random random = new Random(3);
        int n = 1000;
        long[] ts = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = i * SECOND;
            values[i] = random.nextDouble() * 1000;
        }
        byte[] blob = SeriesCodec.encode(new Points(ts, values), SECOND);
        assertThat(SeriesCodec.decode(blob)).isEqualTo(new Points(ts, values));
        assertThat(blob.length).isLessThan(n * 9 + 20);
    }

    @Test
    void aTruncatedBlobIsReportedAsCorrupt() {
        Points points = new Points(new long[] {0, MINUTE, 2 * MINUTE}, new double[] {1.1, 2.2, 3.3});
        byte[] blob = SeriesCodec.encode(points, MINUTE);
        assertThatThrownBy(() -> SeriesCodec.decode(Arrays.copyOf(blob, blob.length - 3)))
            .isInstanceOf(IllegalStateException.class);
    }

    @Property(tries = 300)
    void anySeriesRoundTrips(@ForAll("series") Points points, @ForAll("units") long unit) {
        assertThat(SeriesCodec.decode(SeriesCodec.encode(points, unit))).isEqualTo(points);
    }

    @Property(tries = 300)
    void regularSeriesOfShortDecimalsRoundTrip(@ForAll("regularDecimals") Points points) {
        assertThat(SeriesCodec.decode(SeriesCodec.encode(points, MINUTE))).isEqualTo(points);
    }

    @Provide
    Arbitrary<Long> units() {
        return Arbitraries.of(1L, 1000L, SECOND, MINUTE, 3600 * SECOND, 7 * SECOND);
    }

    @Provide
    Arbitrary<Points> series() {
        Arbitrary<Long> gap = Arbitraries.oneOf(
            Arbitraries.longs().between(1, 10).map(g -> g * MINUTE),
            Arbitraries.longs().between(1, Long.MAX_VALUE / 4096),
            Arbitraries.of(SECOND, MINUTE));
        Arbitrary<Double> value = Arbitraries.oneOf(
            Arbitraries.doubles(),
            Arbitraries.doubles().between(-1000, 1000).ofScale(2),
            Arbitraries.integers().between(-5, 5).map(Integer::doubleValue),
            Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-310));
        return Combinators.combine(
                Arbitraries.longs().between(-1_000_000 * MINUTE, 1_000_000 * MINUTE),
                gap.list().ofMaxSize(400),
                value.list().ofMinSize(401).ofMaxSize(401))
            .as((start, gaps, vals) -> {
                long[] ts = new long[gaps.size() + 1];
                double[] vs = new double[ts.length];
                ts[0] = start;
                vs[0] = vals.get(0);
                for (int i = 1; i < ts.length; i++) {
                    ts[i] = ts[i - 1] + gaps.get(i - 1);
                    vs[i] = vals.get(i);
                }
                return new Points(ts, vs);
            });
    }

    @Provide
    Arbitrary<Points> regularDecimals() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(-1e6, 1e6).list().ofMinSize(1).ofMaxSize(500),
                Arbitraries.integers().between(1, 3))
            .as((scale, raw, missingEvery) -> {
                double p = Math.pow(10, scale);
                long[] ts = new long[raw.size()];
                double[] vs = new double[raw.size()];
                long t = 1_600_000_000L * SECOND / MINUTE * MINUTE;
                for (int i = 0; i < raw.size(); i++) {
                    t += (i % 7 == 0 ? missingEvery : 1) * MINUTE;
                    ts[i] = t;
                    vs[i] = Math.round(raw.get(i) * p) / p;
                }
                return new Points(ts, vs);
            });
    }
}

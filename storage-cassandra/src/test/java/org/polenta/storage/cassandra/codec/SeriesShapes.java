package org.polenta.storage.cassandra.codec;

import java.util.Random;
import org.polenta.core.aggregates.Points;

/** Random series of the shapes telemetry takes, for property tests of the codec: one seed, one series. */
final class SeriesShapes {

    static final long SECOND = 1_000_000_000L;
    static final long MINUTE = 60 * SECOND;

    enum Times { REGULAR, REGULAR_WITH_GAPS, IRREGULAR, SUB_UNIT_JITTER, HUGE_GAPS }

    enum Values {
        TWO_DECIMAL_WALK, TWO_DECIMAL_RANDOM, MEANS_OF_SHORT_DECIMALS, INTEGERS, COUNTER, CONSTANT, RANDOM_DOUBLES,
        WIDE_DOUBLES, SPECIALS_MIXED_IN, STEPS
    }

    private SeriesShapes() {
    }

    static Points series(long seed, Times times, Values values, int size, long unit) {
        Random random = new Random(seed);
        return new Points(timestamps(random, times, size, unit), values(random, values, size));
    }

    static long[] timestamps(Random random, Times shape, int size, long unit) {
        long[] ts = new long[size];
        long t = (random.nextLong() >> 8) / unit * unit;
        for (int i = 0; i < size; i++) {
            long gap = switch (shape) {
                case REGULAR -> unit;
                case REGULAR_WITH_GAPS -> unit * (random.nextInt(10) == 0 ? 1 + random.nextInt(20) : 1);
                case IRREGULAR -> 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, unit * 3));
                case SUB_UNIT_JITTER -> unit + (random.nextInt(2001) - 1000) * 1_000_000L;
                case HUGE_GAPS -> 1 + (random.nextLong() >>> 20);
            };
            if (gap <= 0) {
                gap = unit;
            }
            t += i == 0 ? 0 : gap;
            ts[i] = t;
        }
        return ts;
    }

    static double[] values(Random random, Values shape, int size) {
        double[] vs = new double[size];
        double level = random.nextDouble() * 200 - 100;
        double constant = Math.round(random.nextDouble() * 1000) / 10.0;
        int samples = 1 + random.nextInt(60);
        for (int i = 0; i < size; i++) {
            vs[i] = switch (shape) {
                case TWO_DECIMAL_WALK -> {
                    level += random.nextGaussian() * 0.3;
                    yield Math.round(level * 100) / 100.0;
                }
                case TWO_DECIMAL_RANDOM -> Math.round(random.nextDouble() * 10000) / 100.0;
                case MEANS_OF_SHORT_DECIMALS -> {
                    double sum = 0;
                    for (int k = 0; k < samples; k++) {
                        level += random.nextGaussian() * 0.1;
                        sum += Math.round(level * 100) / 100.0;
                    }
                    yield sum / samples;
                }
                case INTEGERS -> random.nextInt(2001) - 1000;
                case COUNTER -> {
                    level = Math.abs(Math.rint(level)) + random.nextInt(5000);
                    yield level;
                }
                case CONSTANT -> constant;
                case RANDOM_DOUBLES -> random.nextDouble() * 1000;
                case WIDE_DOUBLES -> Double.longBitsToDouble(random.nextLong());
                case SPECIALS_MIXED_IN -> random.nextInt(8) == 0
                    ? new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, 1e300}[random.nextInt(8)]
                    : Math.round(random.nextGaussian() * 1000) / 100.0;
                case STEPS -> {
                    if (random.nextInt(50) == 0) {
                        level = Math.round(random.nextDouble() * 100);
                    }
                    yield level;
                }
            };
        }
        return vs;
    }
}

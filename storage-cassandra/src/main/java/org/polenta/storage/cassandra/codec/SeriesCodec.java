package org.polenta.storage.cassandra.codec;

import org.polenta.core.aggregates.Points;

/**
 * The on-disk form of a block of points: a Gorilla-style compressed blob.
 *
 * <p>Timestamps are counted in a unit (the granularity for aggregates, so a regular series costs about one bit
 * per point) and stored as deltas of deltas. Values are stored either as Gorilla XOR'd float64 or as scaled
 * integers with exact corrections (see {@link ScaledValues}); whichever is smaller for the block wins.
 *
 * <pre>
 * byte    format version (1)
 * varint  count
 * -- only when count > 0:
 * varint  unit: nanoseconds per tick; every timestamp is a multiple of it
 * ...     ticks (timestamp / unit) as an {@link IntegerSeries}
 * byte    value encoding: 0 = XOR float64, 1 = scaled
 * ...     the values ({@link XorValues} or {@link ScaledValues})
 * </pre>
 */
public final class SeriesCodec {

    private static final int VERSION = 1;
    private static final int XOR = 0;
    private static final int SCALED = 1;
    private static final long[] FALLBACK_UNITS = {1_000_000_000L, 1_000_000L, 1_000L, 1L};

    private SeriesCodec() {
    }

    /**
     * @param preferredUnit the spacing the timestamps are expected to be multiples of (e.g. the granularity);
     *                      any series is accepted, a coarser unit only makes it smaller.
     */
    public static byte[] encode(Points points, long preferredUnit) {
        int count = points.size();
        BitWriter out = new BitWriter(16 + count * 2);
        out.write(VERSION, 8);
        out.writeVarLong(count);
        if (count == 0) {
            return out.toByteArray();
        }
        long[] timestamps = points.timestamps();
        long unit = preferredUnit;
        long[] ticks = preferredUnit > 0 ? ticksIn(timestamps, preferredUnit) : null;
        if (ticks == null) {
            unit = fallbackUnitFor(timestamps);
            ticks = new long[count];
            for (int i = 0; i < count; i++) {
                ticks[i] = timestamps[i] / unit;
            }
        }
        out.writeVarLong(unit);
        IntegerSeries.write(out, ticks);
        writeValues(out, points.values());
        return out.toByteArray();
    }

    public static Points decode(byte[] blob) {
        BitReader in = new BitReader(blob);
        int version = (int) in.read(8);
        if (version != VERSION) {
            throw new IllegalStateException("unknown series blob version " + version);
        }
        int count = Math.toIntExact(in.readVarLong());
        if (count == 0) {
            return Points.EMPTY;
        }
        long unit = in.readVarLong();
        long[] timestamps = IntegerSeries.read(in, count);
        for (int i = 0; i < count; i++) {
            timestamps[i] *= unit;
        }
        int encoding = (int) in.read(8);
        double[] values;
        if (encoding == XOR) {
            values = XorValues.read(in, count);
        } else if (encoding == SCALED) {
            values = ScaledValues.read(in, count);
        } else {
            throw new IllegalStateException("unknown value encoding " + encoding);
        }
        return new Points(timestamps, values);
    }

    /**
     * Whichever encoding is smaller, as ever (XOR on a tie), but both are sized exactly without being written,
     * and only the winner is written.
     */
    private static void writeValues(BitWriter out, double[] values) {
        long xorBits = XorValues.bits(values);
        ScaledValues.Prepared scaled = ScaledValues.prepare(values);
        if (scaled.bits() < xorBits) {
            out.write(SCALED, 8);
            scaled.write(out);
            return;
        }
        out.write(XOR, 8);
        XorValues.write(out, values);
    }

    /**
     * The timestamps counted in {@code unit}, or null when one is not a multiple of it. Mostly one division: a
     * timestamp one unit after the previous one is one tick after it (aggregates are regular).
     */
    private static long[] ticksIn(long[] timestamps, long unit) {
        if (timestamps[0] % unit != 0) {
            return null;
        }
        long[] ticks = new long[timestamps.length];
        long tick = timestamps[0] / unit;
        ticks[0] = tick;
        for (int i = 1; i < timestamps.length; i++) {
            long gap = timestamps[i] - timestamps[i - 1];
            if (gap == unit) {
                tick++;
            } else if (gap > 0) {
                if (gap % unit != 0) {
                    return null;
                }
                tick += gap / unit;
            } else {
                // The gap overflowed (timestamps increase): divide the timestamp itself.
                if (timestamps[i] % unit != 0) {
                    return null;
                }
                tick = timestamps[i] / unit;
            }
            ticks[i] = tick;
        }
        return ticks;
    }

    private static long fallbackUnitFor(long[] timestamps) {
        for (long unit : FALLBACK_UNITS) {
            if (allMultiplesOf(timestamps, unit)) {
                return unit;
            }
        }
        return 1;
    }

    private static boolean allMultiplesOf(long[] timestamps, long unit) {
        for (long ts : timestamps) {
            if (ts % unit != 0) {
                return false;
            }
        }
        return true;
    }
}

package org.polenta.storage.cassandra.codec;

import java.util.ArrayList;
import java.util.List;
import org.polenta.core.incoming.Measure;

/**
 * The packed form of one accepted POST for one metric. Unlike a stored series, a batch keeps the client's
 * order and duplicates (processing needs both), so timestamps go through {@link IntegerSeries}, which
 * accepts any sequence, rather than the strictly increasing series format.
 *
 * <pre>
 * byte    format version (1)
 * varint  count
 * ...     timestamps as an IntegerSeries, then values as XOR float64 (when count > 0)
 * </pre>
 */
public final class MeasureBatchCodec {

    private static final int VERSION = 1;

    private MeasureBatchCodec() {
    }

    public static byte[] encode(List<Measure> measures) {
        int count = measures.size();
        BitWriter out = new BitWriter(8 + count * 10);
        out.write(VERSION, 8);
        out.writeVarLong(count);
        if (count > 0) {
            long[] timestamps = new long[count];
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                timestamps[i] = measures.get(i).timestampNanos();
                values[i] = measures.get(i).value();
            }
            IntegerSeries.write(out, timestamps);
            XorValues.write(out, values);
        }
        return out.toByteArray();
    }

    public static List<Measure> decode(byte[] blob) {
        BitReader in = new BitReader(blob);
        int version = (int) in.read(8);
        if (version != VERSION) {
            throw new IllegalStateException("unknown measure batch version " + version);
        }
        int count = Math.toIntExact(in.readVarLong());
        List<Measure> measures = new ArrayList<>(count);
        if (count > 0) {
            long[] timestamps = IntegerSeries.read(in, count);
            double[] values = XorValues.read(in, count);
            for (int i = 0; i < count; i++) {
                measures.add(new Measure(timestamps[i], values[i]));
            }
        }
        return measures;
    }
}

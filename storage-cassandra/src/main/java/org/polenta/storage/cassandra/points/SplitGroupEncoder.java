package org.polenta.storage.cassandra.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.polenta.core.aggregates.AggregationMethod;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SeriesCodec;
import org.polenta.storage.cassandra.codec.SplitAlias;

/**
 * Encodes the merged splits of several methods at one metric, granularity and index: one method is the base,
 * always a full SeriesCodec blob, and every other whose split is bitwise the base's becomes a {@link SplitAlias}
 * of it.
 */
final class SplitGroupEncoder {

    /** A blob to write for a method; {@code alias} when it is an alias of the group's base. */
    record EncodedSplit(String method, byte[] blob, boolean alias) {
    }

    private static final String PREFERRED_BASE = "mean";
    private static final String RATE_PREFIX = "rate:";

    private SplitGroupEncoder() {
    }

    /** Full blobs first, then aliases; a group of one is always full. */
    static List<EncodedSplit> encode(SortedMap<String, Points> merged, long unit) {
        String base = baseOf(merged);
        Points basePoints = merged.get(base);
        List<EncodedSplit> full = new ArrayList<>();
        List<EncodedSplit> aliases = new ArrayList<>();
        for (Map.Entry<String, Points> e : merged.entrySet()) {
            String method = e.getKey();
            if (!method.equals(base) && mayAlias(method) && identical(e.getValue(), basePoints)) {
                aliases.add(new EncodedSplit(method, SplitAlias.encode(base), true));
            } else {
                full.add(new EncodedSplit(method, SeriesCodec.encode(e.getValue(), unit), false));
            }
        }
        full.addAll(aliases);
        return full;
    }

    /** mean when there is one, else the first method that is not a rate, else the first. */
    static String baseOf(SortedMap<String, Points> merged) {
        if (merged.containsKey(PREFERRED_BASE)) {
            return PREFERRED_BASE;
        }
        return merged.keySet().stream().filter(m -> !isRate(m)).findFirst().orElse(merged.firstKey());
    }

    /**
     * Only a method that has a bucket wherever the base has one may stand for it: a later run that rewrites the
     * base rewrites such a method too, so its alias is never left pointing at content that is no longer its own.
     * The processor recomputes the same buckets for every method that is not a rate, and a method defined for a
     * single point has a value in each of them; std (two points at least) and rate: methods may be left out of a
     * run that writes the base.
     */
    static boolean mayAlias(String method) {
        return AggregationMethod.find(method).filter(m -> !m.rate() && m.function().definedFor(1)).isPresent();
    }

    private static boolean isRate(String method) {
        return method.startsWith(RATE_PREFIX);
    }

    /** Same timestamps and the same bits in every value (so -0.0 and 0.0, or two NaNs, are told apart). */
    static boolean identical(Points a, Points b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.timestamp(i) != b.timestamp(i)
                    || Double.doubleToRawLongBits(a.value(i)) != Double.doubleToRawLongBits(b.value(i))) {
                return false;
            }
        }
        return true;
    }
}

package org.polenta.storage.cassandra.points;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.polenta.core.aggregates.AggregateStore.SeriesWrite;
import org.polenta.core.aggregates.Points;

/**
 * The new buckets that one writeAll brings to one split index of a granularity, by method (sorted): the splits
 * that are merged, compared and written together. Series of one granularity share a split only when their TTLs
 * are equal too, so that an alias never outlives the split it stands for.
 */
record SplitWrite(long granularity, int ttlSeconds, long index, SortedMap<String, Points> buckets) {

    private record Series(long granularity, int ttlSeconds) {
    }

    static List<SplitWrite> of(List<SeriesWrite> writes) {
        Map<Series, SortedMap<String, Points>> bySeries = new LinkedHashMap<>();
        for (SeriesWrite w : writes) {
            if (!w.buckets().isEmpty()) {
                // The same series twice in one call: as writing each in turn, the later buckets win.
                bySeries.computeIfAbsent(new Series(w.aggregation().granularityNanos(), w.ttlSeconds()),
                        s -> new TreeMap<>())
                    .merge(w.aggregation().method(), w.buckets(), PointsMerge::overlay);
            }
        }
        List<SplitWrite> splits = new ArrayList<>();
        for (Map.Entry<Series, SortedMap<String, Points>> e : bySeries.entrySet()) {
            long granularity = e.getKey().granularity();
            SortedMap<Long, SortedMap<String, Points>> byIndex = new TreeMap<>();
            for (Map.Entry<String, Points> method : e.getValue().entrySet()) {
                Points buckets = method.getValue();
                int[] bounds = PointsMerge.runBoundaries(buckets, ts -> SplitLayout.splitOf(ts, granularity));
                for (int r = 0; r + 1 < bounds.length; r++) {
                    Points part = PointsMerge.range(buckets, bounds[r], bounds[r + 1]);
                    byIndex.computeIfAbsent(SplitLayout.splitOf(part.timestamp(0), granularity), i -> new TreeMap<>())
                        .put(method.getKey(), part);
                }
            }
            byIndex.forEach((index, parts) -> splits.add(
                new SplitWrite(granularity, e.getKey().ttlSeconds(), index, parts)));
        }
        return splits;
    }
}

package org.polenta.service.api;

import java.util.ArrayList;
import java.util.List;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.time.Timestamps;

/** Measures as Gnocchi answers them: [[ISO 8601 timestamp, granularity, value], ...]. */
public final class MeasureRows {

    private MeasureRows() {
    }

    public static List<List<Object>> of(List<AggregatedPoint> points) {
        List<List<Object>> rows = new ArrayList<>(points.size());
        for (AggregatedPoint p : points) {
            rows.add(row(p));
        }
        return rows;
    }

    public static List<Object> row(AggregatedPoint p) {
        List<Object> row = new ArrayList<>(3);
        row.add(Timestamps.format(p.timestampNanos()));
        row.add(p.granularityJson());
        row.add(p.value());
        return row;
    }
}

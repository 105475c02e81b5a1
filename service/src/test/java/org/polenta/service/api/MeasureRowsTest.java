package org.polenta.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.aggregates.CalendarGrouping;

class MeasureRowsTest {

    private final ObjectMapper mapper = PythonJsonPrinter.install(new ObjectMapper());

    private static List<List<Object>> asLists(List<AggregatedPoint> points) {
        List<List<Object>> rows = new ArrayList<>();
        points.forEach(p -> rows.add(MeasureRows.row(p)));
        return rows;
    }

    @Test
    void streamedRowsAreTheBytesJacksonWritesForTheSameLists() throws Exception {
        List<AggregatedPoint> points = List.of(
            new AggregatedPoint(1_700_000_000_000_000_000L, 1_000_000_000L, 1.5),
            new AggregatedPoint(1_700_000_001_123_456_000L, 500_000_000L, -0.0001),
            new AggregatedPoint(1_700_000_060_000_000_000L, 60_000_000_000L, Double.NaN),
            new AggregatedPoint(1_700_000_120_000_000_000L, 60_000_000_000L, Double.POSITIVE_INFINITY),
            new AggregatedPoint(1_700_000_180_000_000_000L, 60_000_000_000L, 1e21),
            new AggregatedPoint(1_700_000_000_000_000_000L, 0, 42, CalendarGrouping.values()[0]));
        assertThat(mapper.writeValueAsString(MeasureRows.of(points)))
            .isEqualTo(mapper.writeValueAsString(asLists(points)));
        assertThat(mapper.writeValueAsString(MeasureRows.of(points.subList(0, 1))))
            .isEqualTo("[[\"2023-11-14T22:13:20+00:00\", 1.0, 1.5]]");
    }

    @Test
    void nestedInAnAnswerAndEmptyTheyAreWrittenTheSameWay() throws Exception {
        assertThat(mapper.writeValueAsString(Map.of("measures", MeasureRows.of(List.of()))))
            .isEqualTo("{\"measures\": []}");
    }
}

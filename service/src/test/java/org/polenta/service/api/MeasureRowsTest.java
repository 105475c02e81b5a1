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
    void thousandsOfRandomRowsNestedInAnAnswerAreTheBytesJacksonWritesForTheSameLists() throws Exception {
        java.util.Random random = new java.util.Random(42);
        double[] specials = {0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE,
            1e-7, 123456789012345678.0, 2e23, -1.0 / 3};
        long[] granularities = {1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L, 1_500_000L, 86_400_000_000_000L};
        List<AggregatedPoint> points = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long timestamp = random.nextLong() % 9_000_000_000_000_000_000L;
            if (random.nextBoolean()) {
                timestamp -= timestamp % 1_000_000_000L;
            }
            double value = random.nextInt(4) == 0 ? specials[random.nextInt(specials.length)]
                : random.nextBoolean() ? random.nextInt(100_000) / 10.0 : random.nextGaussian() * 1e6;
            points.add(random.nextInt(50) == 0
                ? new AggregatedPoint(timestamp, 0, value, CalendarGrouping.values()[random.nextInt(3)])
                : new AggregatedPoint(timestamp, granularities[random.nextInt(granularities.length)], value));
        }
        assertThat(mapper.writeValueAsString(Map.of("measures", Map.of("aggregated", MeasureRows.of(points)))))
            .isEqualTo(mapper.writeValueAsString(Map.of("measures", Map.of("aggregated", asLists(points)))));
        // Another layout (no Python printer) still gets the generator's own rendering.
        ObjectMapper compact = new ObjectMapper();
        assertThat(compact.writeValueAsString(List.of(MeasureRows.of(points.subList(0, 50)), 1)))
            .isEqualTo(compact.writeValueAsString(List.of(asLists(points.subList(0, 50)), 1)));
    }

    @Test
    void nestedInAnAnswerAndEmptyTheyAreWrittenTheSameWay() throws Exception {
        assertThat(mapper.writeValueAsString(Map.of("measures", MeasureRows.of(List.of()))))
            .isEqualTo("{\"measures\": []}");
    }
}

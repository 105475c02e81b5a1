package org.polenta.core.aggregates;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polenta.core.aggregates.SeriesAggregatorTest.at;

class CalendarGroupingTest {

    // Expectations from Gnocchi's resample-calendar.yaml, plus period edges.
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "Y, 2015-10-06T14:34:12Z, 2015-01-01T00:00:00Z",
            "H, 2015-04-06T14:34:12Z, 2015-01-01T00:00:00Z",
            "H, 2015-10-06T14:34:12Z, 2015-07-01T00:00:00Z",
            "H, 2015-07-01T00:00:00Z, 2015-07-01T00:00:00Z",
            "Q, 2015-03-06T14:34:12Z, 2015-01-01T00:00:00Z",
            "Q, 2015-04-06T14:34:12Z, 2015-04-01T00:00:00Z",
            "Q, 2015-12-31T23:59:59Z, 2015-10-01T00:00:00Z",
            "M, 2016-02-06T14:34:12Z, 2016-02-01T00:00:00Z",
            "W, 2015-03-01T14:34:12Z, 2015-03-01T00:00:00Z",
            "W, 2015-03-06T14:34:12Z, 2015-03-01T00:00:00Z",
            "W, 2015-04-01T14:34:12Z, 2015-03-29T00:00:00Z",
            "W, 2015-04-06T14:34:12Z, 2015-04-05T00:00:00Z",
            "W, 2016-01-06T14:34:12Z, 2016-01-03T00:00:00Z",
            "W, 2016-02-06T14:34:12Z, 2016-01-31T00:00:00Z",
            "W, 1970-01-01T00:00:00Z, 1969-12-28T00:00:00Z",
    })
    void bucketStarts(CalendarGrouping grouping, String timestamp, String expectedStart) {
        assertThat(grouping.bucketStart(at(timestamp))).isEqualTo(at(expectedStart));
    }
}

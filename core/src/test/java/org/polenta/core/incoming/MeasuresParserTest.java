package org.polenta.core.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.testing.TestJson;

class MeasuresParserTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:43:02.5Z"), ZoneOffset.UTC);

    static Stream<Arguments> bodies() {
        return TestJson.lines(MeasuresParserTest.class, "measures.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(columns[0], columns[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void bodiesAreReadAsGnocchiReadsThem(String body, String expected) {
        Object outcome;
        try {
            List<Measure> measures = MeasuresParser.parse(TestJson.parse(body), List.of(), CLOCK);
            outcome = Map.of("measures", measures.stream()
                    .map(m -> List.of(TestJson.parse(Long.toString(m.timestampNanos())), m.value()))
                    .toList());
        } catch (StructuredInvalidInputException e) {
            assertThat(e.cause()).isEqualTo("Invalid input");
            outcome = Map.of("invalid", Map.of("reason", e.reason(), "detail", e.detail()));
        }
        assertThat(outcome).isEqualTo(TestJson.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "\"nan\"", "\"inf\"", "\"-infinity\"", "1e400"})
    void nonFiniteValuesAreRefused(String value) {
        // Gnocchi stores these and then aggregates garbage; they are refused instead.
        Object body = TestJson.parse("[{\"timestamp\": 1, \"value\": " + value + "}]");

        assertThatThrownBy(() -> MeasuresParser.parse(body))
                .isInstanceOf(StructuredInvalidInputException.class)
                .hasMessage("unexpected measures value");
    }

    @Test
    void aMeasureWithoutTimestampIsABadRequest() {
        // Gnocchi answers 500 (KeyError) here.
        assertThatThrownBy(() -> MeasuresParser.parse(TestJson.parse("[{\"value\": 1}]")))
                .hasMessage("unexpected measures format");
    }

    @Test
    void relativeTimestampsAreRelativeToOneNow() {
        List<Measure> measures = MeasuresParser.parse(
                TestJson.parse("[{\"timestamp\": \"-5 minutes\", \"value\": 1}, {\"timestamp\": \"-4 minutes\", \"value\": 2}]"),
                List.of(), CLOCK);

        long now = Instant.parse("2026-11-26T03:43:02.5Z").toEpochMilli() * 1_000_000L;
        assertThat(measures).containsExactly(new Measure(now - 300_000_000_000L, 1), new Measure(now - 240_000_000_000L, 2));
    }

    @Test
    void aBatchEntryNamesItsKeyAsGnocchiDoes() {
        StructuredInvalidInputException error = (StructuredInvalidInputException) catchThrowable(() ->
                MeasuresParser.parse(TestJson.parse("[{\"timestamp\": \"x\", \"value\": 1}]"), List.of("5e3fcbe2-f7ab-4a9b-8d5f-1d3c4b6a7e8f"), CLOCK));

        assertThat(error.reason()).isEqualTo(
                "unexpected timestamp 'Unable to convert timestamps' for dictionary value @ data['5e3fcbe2-f7ab-4a9b-8d5f-1d3c4b6a7e8f']");
        assertThat(error.detail()).isEqualTo(List.of("5e3fcbe2-f7ab-4a9b-8d5f-1d3c4b6a7e8f"));
    }

    @Test
    void duplicatesAndOrderArePassedOnUntouched() {
        List<Measure> measures = MeasuresParser.parse(TestJson.parse(
                "[{\"timestamp\": 5, \"value\": 2}, {\"timestamp\": 1, \"value\": 1}, {\"timestamp\": 5, \"value\": 1}]"));

        assertThat(measures).containsExactly(new Measure(5_000_000_000L, 2), new Measure(1_000_000_000L, 1),
                new Measure(5_000_000_000L, 1));
    }
}

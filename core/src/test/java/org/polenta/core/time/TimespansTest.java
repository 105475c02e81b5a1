package org.polenta.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.testing.TestJson;

class TimespansTest {

    static Stream<Arguments> texts() {
        return TimestampsTest.table("timespans-parse.tsv");
    }

    static Stream<Arguments> renderings() {
        return TimestampsTest.table("timespans-format.tsv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void durationsAreReadAsGnocchiReadsThem(String raw, String expected) {
        Object outcome;
        try {
            outcome = Map.of("nanos", TimestampsTest.asJsonNumber(Timespans.parseSigned(TestJson.parse(raw))));
        } catch (InvalidInputException e) {
            outcome = Map.of("error", e.getMessage());
        }
        assertThat(outcome).isEqualTo(TestJson.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void durationsRenderAsPythonTimedeltas(String nanos, String expected) {
        assertThat(Timespans.format(Long.parseLong(nanos))).isEqualTo(TestJson.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|Timespan must be positive",
            "-1 minute|Timespan must be positive",
            "0.0000000001|Timespan must be positive",
            "wat|Unable to parse timespan"})
    void strictParsingWantsAPositiveDuration(String raw, String message) {
        assertThatThrownBy(() -> Timespans.parse(raw)).isInstanceOf(InvalidInputException.class).hasMessage(message);
    }

    @Test
    void strictParsingRefusesNothingAndOddTypes() {
        assertThatThrownBy(() -> Timespans.parse(null)).hasMessage("Invalid timespan");
        assertThatThrownBy(() -> Timespans.parse(java.util.List.of(1))).hasMessage("Unable to parse timespan");
        assertThatThrownBy(() -> Timespans.parse("inf")).hasMessage("cannot convert float infinity to integer");
        assertThatThrownBy(() -> Timespans.parse("5\nminutes")).hasMessage("Unable to parse timespan");
        assertThatThrownBy(() -> Timespans.parse("100000000000 weeks")).hasMessage("Timespan out of range");
    }

    @ParameterizedTest
    @CsvSource({"1000000000,1.0", "500000000,0.5", "3600000000000,3600.0", "3600000000,3.6", "1,1e-09", "100000000,0.1",
            "31536000000000000,31536000.0", "9223372036854775807,9223372036.854776"})
    void granularitiesPrintAsPythonFloats(long nanos, String text) {
        assertThat(Timespans.secondsText(nanos)).isEqualTo(text);
        assertThat(Timespans.seconds(nanos)).isEqualTo(Double.parseDouble(text));
    }

    /** Rendering is to the microsecond, so reading the text back and rendering again changes nothing. */
    @Property
    void renderedDurationsReadBackToTheSameRendering(@ForAll @LongRange(min = 1, max = 86_400_000_000_000_000L) long nanos) {
        String text = Timespans.format(nanos);
        long back = Timespans.parseSigned(text);

        assertThat(Timespans.format(back)).isEqualTo(text);
        assertThat(Math.abs(back - nanos)).isLessThanOrEqualTo(1_000L);
    }

    /** Whole seconds survive the round trip exactly up to 2^53 ns (about 104 days); beyond, Gnocchi's double arithmetic rounds too. */
    @Property
    void wholeSecondsRoundTripExactly(@ForAll @LongRange(min = 1, max = 9_000_000L) long seconds) {
        long nanos = seconds * 1_000_000_000L;

        assertThat(Timespans.parse(Timespans.format(nanos))).isEqualTo(nanos);
    }
}

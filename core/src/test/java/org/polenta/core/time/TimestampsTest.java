package org.polenta.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.testing.TestJson;

class TimestampsTest {

    /** 2026-11-26T03:43:02.746333Z, with sub-microsecond noise that Gnocchi's utcnow() would not have. */
    private static final Instant NOW = Instant.parse("2026-11-26T03:43:02.746333123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long NOW_MICROS_AS_NANOS = 1_795_664_582_746_333_000L;

    static Stream<Arguments> batches() {
        return table("timestamps.tsv");
    }

    static Stream<Arguments> renderings() {
        return table("timestamps-format.tsv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void batchesAreReadAsGnocchiReadsThem(String batch, String expected) {
        Object outcome;
        try {
            List<Long> nanos = Timestamps.parseAll((List<?>) TestJson.parse(batch), CLOCK);
            outcome = Map.of("nanos", nanos.stream().map(TimestampsTest::asJsonNumber).toList());
        } catch (Timestamps.UnsupportedTypeException e) {
            outcome = Map.of("error", "TypeError");
        } catch (InvalidInputException e) {
            outcome = Map.of("error", e.getMessage());
        }
        assertThat(outcome).isEqualTo(TestJson.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void instantsRenderAsGnocchiRendersThem(String nanos, String expected) {
        assertThat(Timestamps.format(Long.parseLong(nanos))).isEqualTo(TestJson.parse(expected));
    }

    @Test
    void relativeTimestampsCountFromTheSameMicrosecondNow() {
        List<Long> nanos = Timestamps.parseAll(List.of("-5 minutes", "+2 hours", "- 1 day", 1234, "10", "1:30"), CLOCK);

        assertThat(nanos).containsExactly(
                NOW_MICROS_AS_NANOS - 300_000_000_000L,
                NOW_MICROS_AS_NANOS + 7_200_000_000_000L,
                NOW_MICROS_AS_NANOS - 86_400_000_000_000L,
                NOW_MICROS_AS_NANOS + 1_234_000_000_000L,
                NOW_MICROS_AS_NANOS + 10_000_000_000L,
                NOW_MICROS_AS_NANOS + 90_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"now", "NOW", "Now"})
    void nowIsTheCurrentSecond(String now) {
        assertThat(Timestamps.parse(now, CLOCK)).isEqualTo(1_795_664_582_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"today", "Today", "TODAY"})
    void todayIsTheStartOfTheCurrentUtcDay(String today) {
        assertThat(Timestamps.parse(today, CLOCK)).isEqualTo(1_795_651_200_000_000_000L);
    }

    @Test
    void nowDecidesTheBatchAsADatetime() {
        assertThat(Timestamps.parseAll(List.of("now", 5), CLOCK)).containsExactly(1_795_664_582_000_000_000L, 5L);
    }

    @Test
    void aRelativeBatchWithAnUnreadableLaterValueFails() {
        assertThatThrownBy(() -> Timestamps.parseAll(List.of("-5 minutes", "2014-10-06T14:34:12"), CLOCK))
                .hasMessage("Unable to convert timestamps");
        assertThatThrownBy(() -> Timestamps.parseAll(java.util.Arrays.asList("-5 minutes", null), CLOCK))
                .hasMessage("Unable to convert timestamps");
        assertThatThrownBy(() -> Timestamps.parseAll(List.of("-5 minutes", List.of(1)), CLOCK))
                .isInstanceOf(Timestamps.UnsupportedTypeException.class);
    }

    @Test
    void notATimeIsRefusedInsteadOfStored() {
        // Gnocchi accepts these as NaT and then cannot aggregate them.
        for (List<?> batch : List.of(List.of(""), List.of("NaT"), List.of("nan"), List.of("inf"), List.of(Double.NaN),
                List.of("2014-10-06T14:34:12", "nat"), java.util.Arrays.asList(1, null), List.of(1e10))) {
            assertThatThrownBy(() -> Timestamps.parseAll(batch, CLOCK)).as("%s", batch)
                    .hasMessage("Unable to convert timestamps");
        }
    }

    @Test
    void datesBeyondNanosecondRangeAreRefusedNotWrapped() {
        assertThatThrownBy(() -> Timestamps.parse("2262-04-12", CLOCK)).hasMessage("Unable to convert timestamps");
        assertThatThrownBy(() -> Timestamps.parse("10000-01-01", CLOCK)).hasMessage("Unable to convert timestamps");
        assertThatThrownBy(() -> Timestamps.parse("99999999999999-01-01", CLOCK)).hasMessage("Unable to convert timestamps");
    }

    @Test
    void aNegativeYearIsBeforeTheEpochNotWrappedIntoTheFuture() {
        // numpy wraps year -2014 around into 2078; it is simply before 1970.
        assertThatThrownBy(() -> Timestamps.parse("-2014-10-06", CLOCK)).hasMessage("Timestamp must be after Epoch");
    }

    @Test
    void nullIsNotATimestamp() {
        assertThatThrownBy(() -> Timestamps.parse(null)).isInstanceOf(Timestamps.UnsupportedTypeException.class);
        assertThatThrownBy(() -> Timestamps.parse(Map.of())).isInstanceOf(Timestamps.UnsupportedTypeException.class);
    }

    @Test
    void anEmptyBatchIsEmpty() {
        assertThat(Timestamps.parseAll(List.of(), CLOCK)).isEmpty();
    }

    static Stream<Arguments> table(String resource) {
        return TestJson.lines(TimestampsTest.class, resource).stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(columns[0], columns[1]));
    }

    static Object asJsonNumber(long value) {
        return TestJson.parse(Long.toString(value));
    }

    @Test
    void formatsAsTheFormatterDoesOverTheWholeNanosecondRange() {
        java.util.Random random = new java.util.Random(7);
        long[] edges = {0, 1, 59, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, 4_107_542_399L /* 2100-02-28 */,
            4_107_542_400L, 9_223_372_035L /* 2262, the last whole second of 64-bit nanoseconds */};
        for (long seconds : edges) {
            assertFormatsAlike(seconds, 0);
            assertFormatsAlike(seconds, 1);
            assertFormatsAlike(seconds, 999_999);
        }
        for (int i = 0; i < 100_000; i++) {
            long seconds = Math.floorMod(random.nextLong(), 9_223_372_036L);
            assertFormatsAlike(seconds, random.nextBoolean() ? 0 : random.nextInt(1_000_000));
        }
        assertThat(Timestamps.format(1_356_998_400_000_000_000L + 123_456_789L))
                .isEqualTo("2013-01-01T00:00:00.123456+00:00");
    }

    private static void assertFormatsAlike(long seconds, long micros) {
        long nanos = seconds * 1_000_000_000L + micros * 1_000L;
        assertThat(Timestamps.format(nanos)).isEqualTo(Timestamps.formatWithFormatter(seconds, micros));
    }
}

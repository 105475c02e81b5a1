package org.polenta.listener.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireTimestampsTest {

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @ParameterizedTest
    @CsvSource({
            "2024-01-01T00:00:39.162345,        2024-01-01T00:00:39.162345Z",
            "2024-01-01T00:10:36.516520+00:00,  2024-01-01T00:10:36.516520Z",
            "2026-11-26 00:39:04.364215,        2026-11-26T00:39:04.364215Z",
            "2024-01-01 00:00:42,               2024-01-01T00:00:42Z",
            "2023-12-31 23:59:48+00:00,         2023-12-31T23:59:48Z",
            "2024-01-01T02:00:00+02:00,         2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00.5-0130,        2024-01-01T01:30:00.5Z",
            "2024-01-01T00:00Z,                 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00.123456789,     2024-01-01T00:00:00.123456789Z"
    })
    void readsWhatCeilometerAndOsloWrite(String text, String expected) {
        assertThat(WireTimestamps.parse(text)).isEqualTo(nanos(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"now", "-1 day", "yesterday", "1704067200", "2024-13-01T00:00:00", "2024-02-30T00:00:00",
            "2024-01-01T25:00:00", "1969-12-31T23:59:59", "2024-01-01", "", "2024-01-01T00:00:00+25:00"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> WireTimestamps.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}

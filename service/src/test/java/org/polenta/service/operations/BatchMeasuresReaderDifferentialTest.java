package org.polenta.service.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polenta.core.incoming.Measure;
import org.polenta.service.http.JsonBodies;

/**
 * The batch reader reads the plain shape off the JSON tokens and everything else through the untyped tree, whose
 * reader is the specification (Gnocchi's rules and messages). Over a seeded random mix of plain bodies and their
 * near misses, whenever the token reader takes a body, the tree reader must take it too and give the same
 * measures for the same metrics in the same order.
 */
class BatchMeasuresReaderDifferentialTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00.123456789Z"), ZoneOffset.UTC);

    private static final String[] TIMESTAMPS = {
        "\"2026-11-27T03:00:00\"", "\"2026-11-27T03:00:00.5\"", "\"2026-11-27 03:00:00Z\"",
        "\"2026-11-27T03:00:00+02:00\"", "\"2026-11-27T03:00:00.123456789-05:30\"", "\"2024-02-29T23:59:59\"",
        "1764212400", "1764212400.25", "0", "-1", "1e9", "\"1764212400\"", "\"-1 day\"", "\"now\"", "\"-5 minutes\"",
        "\"1969-12-31T23:59:59\"", "\"2026-13-01T00:00:00\"", "\"yesterday-ish\"", "\"\"", "null", "true", "[]", "{}",
        "99999999999999999999", "1.5e300", "\"2026-11-27\"",
    };

    private static final String[] VALUES = {
        "0", "1", "-3", "42.5", "1e3", "-0.0", "3.141592653589793", "1.7976931348623157E308", "1e400", "NaN",
        "Infinity", "-Infinity", "\"12.5\"", "\"nan\"", "true", "false", "null", "[]", "9223372036854775808",
        "123456789012345678901234567890",
    };

    private final ObjectMapper mapper = Jackson.newObjectMapper();
    private final JsonBodies bodies = new JsonBodies(mapper, 16 << 20);
    private final BatchMeasuresReader reader = new BatchMeasuresReader(bodies, mapper);

    @Test
    void whatTheTokenReaderTakesTheTreeReaderReadsTheSame() {
        Random random = new Random(20261127);
        int taken = 0;
        int declined = 0;
        for (int i = 0; i < 50_000; i++) {
            String body = i % 3 == 0 ? plain(random) : nearMiss(random);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Optional<Map<UUID, List<Measure>>> fromTokens = reader.readPlain(bytes, CLOCK);
            if (fromTokens.isEmpty()) {
                declined++;
                continue;
            }
            taken++;
            Map<UUID, List<Measure>> fromTree = BatchMeasuresReader.readTree(bodies.parse(bytes), CLOCK);
            assertThat(List.copyOf(fromTokens.get().entrySet())).as(body).isEqualTo(List.copyOf(fromTree.entrySet()));
        }
        // Both paths are really exercised: the plain third, and near misses that still have the plain shape.
        assertThat(taken).isGreaterThan(20_000);
        assertThat(declined).isGreaterThan(10_000);
    }

    @Test
    void declinesWhatOnlyTheTreeReaderCanAnswer() {
        String id = UUID.randomUUID().toString();
        for (String body : List.of(
                "[]", "{\"" + id + "\": {}}", "{\"not-a-metric\": []}",
                "{\"" + id + "\": [], \"" + id + "\": []}",
                "{\"" + id + "\": [{\"timestamp\": \"2026-11-27T03:00:00\"}]}",
                "{\"" + id + "\": [{\"timestamp\": \"2026-11-27T03:00:00\", \"value\": 1, \"unit\": \"B\"}]}",
                "{\"" + id + "\": [{\"timestamp\": \"2026-11-27T03:00:00\", \"value\": \"1\"}]}",
                "{\"" + id + "\": [{\"timestamp\": \"2026-11-27T03:00:00\", \"value\": NaN}]}",
                "{\"" + id + "\": [{\"timestamp\": \"1969-12-31T23:59:59\", \"value\": 1}]}",
                "{\"" + id + "\": [{\"timestamp\": \"2026-11-27T03:00:00\", \"value\": 1}]} []",
                "{\"" + id + "\": [{\"timestamp\": \"2026-11-27T03:00:00\", \"value\": 1}")) {
            assertThat(reader.readPlain(body.getBytes(StandardCharsets.UTF_8), CLOCK)).as(body).isEmpty();
        }
    }

    @Test
    void readsThePlainShape() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String body = "{\"" + a + "\": [{\"timestamp\": \"1970-01-01T00:00:02\", \"value\": 4},"
                + " {\"value\": 2.5, \"timestamp\": \"1970-01-01T00:00:03\"}], \"" + b.toString().toUpperCase() + "\": []}";
        Map<UUID, List<Measure>> read = reader.readPlain(body.getBytes(StandardCharsets.UTF_8), CLOCK).orElseThrow();
        assertThat(read).containsOnlyKeys(a, b);
        assertThat(read.get(a)).containsExactly(new Measure(2_000_000_000L, 4), new Measure(3_000_000_000L, 2.5));
        assertThat(read.get(b)).isEmpty();
    }

    /** A body of the plain shape: metric ids, measures with a timestamp of one family and a numeric value. */
    private static String plain(Random r) {
        StringBuilder b = new StringBuilder("{");
        int metrics = r.nextInt(4);
        for (int m = 0; m < metrics; m++) {
            if (m > 0) {
                b.append(", ");
            }
            b.append('"').append(metricKey(r, true)).append("\": [");
            boolean epoch = r.nextBoolean();
            int measures = r.nextInt(6);
            for (int i = 0; i < measures; i++) {
                if (i > 0) {
                    b.append(',');
                }
                String ts = epoch ? String.valueOf(1_700_000_000L + r.nextInt(1_000_000))
                        : "\"2026-11-" + (10 + r.nextInt(18)) + "T0" + r.nextInt(10) + ":1" + r.nextInt(10) + ":00\"";
                String value = r.nextBoolean() ? String.valueOf(r.nextInt(1000) - 500) : String.valueOf(r.nextDouble() * 1e6);
                b.append(r.nextBoolean() ? "{\"timestamp\": " + ts + ", \"value\": " + value + "}"
                        : "{\"value\": " + value + ", \"timestamp\": " + ts + "}");
            }
            b.append(']');
        }
        return b.append('}').toString();
    }

    /** A body built from the tables above, with some structural slips: most are still JSON, some are not. */
    private static String nearMiss(Random r) {
        StringBuilder b = new StringBuilder(r.nextInt(30) == 0 ? "[" : "{");
        int metrics = 1 + r.nextInt(3);
        List<String> keys = new ArrayList<>();
        for (int m = 0; m < metrics; m++) {
            if (m > 0) {
                b.append(", ");
            }
            String key = !keys.isEmpty() && r.nextInt(20) == 0 ? keys.get(0) : metricKey(r, r.nextInt(15) > 0);
            keys.add(key);
            b.append('"').append(key).append("\": ");
            if (r.nextInt(25) == 0) {
                b.append("{}");
                continue;
            }
            b.append('[');
            int measures = r.nextInt(4);
            for (int i = 0; i < measures; i++) {
                if (i > 0) {
                    b.append(',');
                }
                List<String> fields = new ArrayList<>();
                if (r.nextInt(12) > 0) {
                    fields.add("\"timestamp\": " + TIMESTAMPS[r.nextInt(TIMESTAMPS.length)]);
                }
                if (r.nextInt(12) > 0) {
                    fields.add("\"value\": " + VALUES[r.nextInt(VALUES.length)]);
                }
                if (r.nextInt(15) == 0) {
                    fields.add("\"unit\": \"B\"");
                }
                if (r.nextInt(20) == 0) {
                    // A repeated field, usually with another value: JSON's last one wins.
                    fields.add(r.nextBoolean() ? "\"timestamp\": " + TIMESTAMPS[r.nextInt(TIMESTAMPS.length)]
                            : "\"value\": " + VALUES[r.nextInt(VALUES.length)]);
                }
                if (r.nextBoolean()) {
                    Collections.reverse(fields);
                }
                b.append('{').append(String.join(", ", fields)).append('}');
            }
            b.append(']');
        }
        b.append(b.charAt(0) == '[' ? "]" : "}");
        int slip = r.nextInt(40);
        if (slip == 0) {
            b.setLength(Math.max(1, b.length() - 1 - r.nextInt(5)));
        } else if (slip == 1) {
            b.append(" {}");
        }
        return b.toString();
    }

    private static String metricKey(Random r, boolean valid) {
        if (!valid) {
            return r.nextBoolean() ? "cpu.util" : "1234";
        }
        String id = UUID.randomUUID().toString();
        return switch (r.nextInt(5)) {
            case 0 -> id.toUpperCase();
            case 1 -> "{" + id + "}";
            case 2 -> "urn:uuid:" + id;
            default -> id;
        };
    }
}

package org.polenta.listener.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * WireTimestamps reads by hand what it used to read with a regular expression; the expression stays here as the
 * specification, and both must agree on every string of a seeded random mix of valid timestamps and their
 * near misses: the same nanoseconds, or both refusing.
 */
class WireTimestampsDifferentialTest {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?"
                    + "(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

    private static final String[] PIECES = {"2024", "1969", "-", "01", "12", "13", "29", "30", "31", "T", " ", "t",
        "00", "23", "24", "59", "60", ":", ".", "5", "123456", "123456789", "1234567890", "Z", "z", "+", "-", "00:00",
        "0130", "02", "18:00", "19", "x", "9", ""};

    @Test
    void agreesWithTheRegularExpressionOnValidTimestampsAndNearMisses() {
        Random random = new Random(20261126);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = i % 2 == 0 ? valid(random) : mutated(valid(random), random);
            Object expected = reference(text);
            Object actual = outcome(text);
            assertThat(actual).as(text).isEqualTo(expected);
            if (expected instanceof Long) {
                accepted++;
            }
        }
        // Both kinds are really exercised.
        assertThat(accepted).isBetween(60_000, 190_000);
    }

    private static String valid(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(1970 + r.nextInt(100)).append('-').append(two(1 + r.nextInt(12))).append('-')
            .append(two(1 + r.nextInt(28))).append(r.nextBoolean() ? 'T' : ' ')
            .append(two(r.nextInt(24))).append(':').append(two(r.nextInt(60)));
        if (r.nextInt(4) > 0) {
            b.append(':').append(two(r.nextInt(60)));
            if (r.nextBoolean()) {
                b.append('.');
                int digits = 1 + r.nextInt(9);
                for (int d = 0; d < digits; d++) {
                    b.append(r.nextInt(10));
                }
            }
        }
        switch (r.nextInt(5)) {
            case 0 -> b.append(r.nextBoolean() ? 'Z' : 'z');
            case 1 -> b.append(r.nextBoolean() ? '+' : '-').append(two(r.nextInt(19)));
            case 2 -> b.append(r.nextBoolean() ? '+' : '-').append(two(r.nextInt(19))).append(':').append(two(r.nextInt(60)));
            case 3 -> b.append(r.nextBoolean() ? '+' : '-').append(two(r.nextInt(19))).append(two(r.nextInt(60)));
            default -> { }
        }
        return r.nextInt(10) == 0 ? "  " + b + " " : b.toString();
    }

    private static String mutated(String text, Random r) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + r.nextInt(2);
        for (int e = 0; e < edits; e++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> b.insert(at, PIECES[r.nextInt(PIECES.length)]);
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < b.length()) {
                        b.setCharAt(at, "0123456789:-+.TZ x".charAt(r.nextInt(18)));
                    }
                }
            }
        }
        return b.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static Object outcome(String text) {
        try {
            return WireTimestamps.parse(text);
        } catch (IllegalArgumentException e) {
            return "refused";
        }
    }

    /** The regular-expression reading WireTimestamps replaced. */
    private static Object reference(String text) {
        Matcher m = ISO.matcher(text.trim());
        if (!m.matches()) {
            return "refused";
        }
        try {
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            long seconds = local.toEpochSecond(offset(m.group(8)));
            if (seconds < 0) {
                return "refused";
            }
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (DateTimeException | ArithmeticException e) {
            return "refused";
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}

package org.polenta.core.time;

import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads date-time text the way numpy.datetime64(text) does (numpy 1.24), which is what Gnocchi uses for ISO
 * timestamps. That grammar is looser and stricter than ISO 8601 in places, and clients rely on both:
 * "2014-10-06", "2014-10", "2014-10-06 14:34", "2014-10-06T14", fractions up to 18 digits, "Z", "+02", "+0200",
 * "+02:00", surrounding ASCII whitespace (but not after a bare date), a year of any length, "now" (to the
 * second) and "today" (case-insensitive). "T" must be upper case; "20141006" is a year.
 * The result is nanoseconds since the epoch; empty means "not a numpy date-time" (NaT counts as not one).
 */
final class IsoDatetimes {

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger MAX_YEAR = BigInteger.valueOf(1_000_000L);

    private final String text;
    private int at;

    private IsoDatetimes(String text) {
        this.text = text;
    }

    /**
     * @return empty when numpy rejects the text; otherwise what it read, which may be NaT ("", "NaT") or
     *         a date far outside what nanoseconds since 1970 can hold
     */
    static Optional<Parsed> parse(String text, Clock clock) {
        if (text.isEmpty() || text.equalsIgnoreCase("nat")) {
            return Optional.of(new Parsed(null));
        }
        if (text.equalsIgnoreCase("now")) {
            return Optional.of(new Parsed(BigInteger.valueOf(clock.instant().getEpochSecond()).multiply(NANOS_PER_SECOND)));
        }
        if (text.equalsIgnoreCase("today")) {
            long day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toEpochDay();
            return Optional.of(new Parsed(BigInteger.valueOf(day * 86_400L).multiply(NANOS_PER_SECOND)));
        }
        return new IsoDatetimes(text).read().map(Parsed::new);
    }

    /** A numpy date-time: nanoseconds since the epoch, or null for NaT ("not a time"). */
    record Parsed(BigInteger nanos) {
        boolean isNaT() {
            return nanos == null;
        }
    }

    private Optional<BigInteger> read() {
        skipSpaces();
        boolean negativeYear = peek('-');
        if (negativeYear) {
            at++;
        }
        if (atEnd()) {
            return Optional.empty();
        }
        int yearStart = at;
        while (!atEnd() && isDigit(text.charAt(at))) {
            at++;
        }
        BigInteger yearDigits = at == yearStart ? BigInteger.ZERO : new BigInteger(text.substring(yearStart, at));
        // numpy looks at the very first character for the sign, so " -2014" is year 2014.
        if (negativeYear && text.charAt(0) == '-') {
            yearDigits = yearDigits.negate();
        }
        if (yearDigits.abs().compareTo(MAX_YEAR) > 0) {
            // Far beyond what nanoseconds since 1970 hold either way; keep the arithmetic small.
            yearDigits = yearDigits.signum() < 0 ? MAX_YEAR.negate() : MAX_YEAR;
        }
        long year = yearDigits.longValue();
        Fields fields = new Fields(year);
        if (atEnd()) {
            return Optional.of(fields.nanos());
        }
        if (!accept('-') || atEnd()) {
            return Optional.empty();
        }
        Integer month = twoDigits();
        if (month == null || month < 1 || month > 12) {
            return Optional.empty();
        }
        fields.month = month;
        if (atEnd()) {
            return Optional.of(fields.nanos());
        }
        if (!accept('-') || atEnd()) {
            return Optional.empty();
        }
        Integer day = twoDigits();
        if (day == null || day < 1 || day > LocalDate.of(isLeap(year) ? 2000 : 2001, month, 1).lengthOfMonth()) {
            return Optional.empty();
        }
        fields.day = day;
        if (atEnd()) {
            return Optional.of(fields.nanos());
        }
        if (!accept('T') && !accept(' ')) {
            return Optional.empty();
        }
        Integer hour = twoDigits();
        if (hour == null || hour >= 24) {
            return Optional.empty();
        }
        fields.hour = hour;
        if (accept(':')) {
            if (atEnd()) {
                return Optional.empty();
            }
            Integer minute = twoDigits();
            if (minute == null || minute >= 60) {
                return Optional.empty();
            }
            fields.minute = minute;
            if (accept(':')) {
                if (atEnd()) {
                    return Optional.empty();
                }
                Integer second = twoDigits();
                if (second == null || second >= 60) {
                    return Optional.empty();
                }
                fields.second = second;
                if (accept('.')) {
                    fields.attoseconds = fraction();
                }
            }
        }
        return timezone(fields);
    }

    private Optional<BigInteger> timezone(Fields fields) {
        if (atEnd()) {
            return Optional.of(fields.nanos());
        }
        long offsetMinutes = 0;
        if (accept('Z')) {
            if (atEnd()) {
                return Optional.of(fields.nanos());
            }
        } else if (peek('+') || peek('-')) {
            boolean negative = text.charAt(at) == '-';
            at++;
            Integer hours = twoDigits();
            if (hours == null || hours >= 24) {
                return Optional.empty();
            }
            int minutes = 0;
            if (!atEnd()) {
                accept(':');
                Integer offsetMinute = twoDigits();
                if (offsetMinute == null || offsetMinute >= 60) {
                    return Optional.empty();
                }
                minutes = offsetMinute;
            }
            offsetMinutes = (negative ? -1 : 1) * (hours * 60L + minutes);
        }
        skipSpaces();
        if (!atEnd()) {
            return Optional.empty();
        }
        return Optional.of(fields.nanos().subtract(BigInteger.valueOf(offsetMinutes * 60L).multiply(NANOS_PER_SECOND)));
    }

    /** Up to 18 fractional digits (three groups of six); anything beyond makes the text invalid later on. */
    private long fraction() {
        long attoseconds = 0;
        int digits = 0;
        while (digits < 18 && !atEnd() && isDigit(text.charAt(at))) {
            attoseconds = attoseconds * 10 + (text.charAt(at) - '0');
            at++;
            digits++;
        }
        for (; digits < 18; digits++) {
            attoseconds *= 10;
        }
        return attoseconds;
    }

    private Integer twoDigits() {
        if (at + 2 <= text.length() && isDigit(text.charAt(at)) && isDigit(text.charAt(at + 1))) {
            int value = (text.charAt(at) - '0') * 10 + (text.charAt(at + 1) - '0');
            at += 2;
            return value;
        }
        return null;
    }

    private void skipSpaces() {
        while (!atEnd() && isCSpace(text.charAt(at))) {
            at++;
        }
    }

    private boolean accept(char expected) {
        if (peek(expected)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean peek(char expected) {
        return !atEnd() && text.charAt(at) == expected;
    }

    private boolean atEnd() {
        return at >= text.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isLeap(long year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /** Broken-down UTC fields, defaulting to the start of the year. */
    private static final class Fields {
        final long year;
        int month = 1;
        int day = 1;
        int hour;
        int minute;
        int second;
        long attoseconds;

        Fields(long year) {
            this.year = year;
        }

        BigInteger nanos() {
            long epochDay = LocalDate.of(2000, month, day).toEpochDay() + daysFromYear2000(year);
            long seconds = ((epochDay * 24 + hour) * 60 + minute) * 60L + second;
            // numpy truncates attoseconds to the nanosecond unit.
            return BigInteger.valueOf(seconds).multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(attoseconds / 1_000_000_000L));
        }

        /** Days between 2000 and the same month/day of {@code year} (proleptic Gregorian, any year). */
        private long daysFromYear2000(long target) {
            long shift = target - 2000;
            // 400 years always hold 146097 days, so move in whole cycles and let LocalDate do the rest.
            long cycles = Math.floorDiv(shift, 400);
            long remainder = Math.floorMod(shift, 400);
            LocalDate start = LocalDate.of(2000, month, 1);
            LocalDate moved = LocalDate.of((int) (2000 + remainder), month, 1);
            return cycles * 146_097L + (moved.toEpochDay() - start.toEpochDay());
        }
    }
}

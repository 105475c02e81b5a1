package org.polenta.core.time;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.text.PythonFloats;

/**
 * Instants as Gnocchi reads and writes them (utils.to_timestamps and the JSON rendering of its timestamps).
 *
 * <p>Reading a batch: the first value decides how every value is read, as in Gnocchi. If it is a number (or
 * numeric text) all are epoch seconds; else if numpy reads it as a date-time all are date-times, where a bare
 * integer counts as nanoseconds since the epoch; else all are durations relative to now ("-5 minutes").
 * Anything before 1970 is refused. Unlike Gnocchi, NaT ("", "NaT", NaN, infinities) and instants that do not
 * fit in 64-bit nanoseconds are refused too, instead of being stored as garbage.
 */
public final class Timestamps {

    public static final String UNABLE_TO_CONVERT = "Unable to convert timestamps";
    public static final String BEFORE_EPOCH = "Timestamp must be after Epoch";

    private static final double TWO_TO_63 = 0x1p63;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Timestamps() {
    }

    /** A value of a type Gnocchi cannot even try to read as a timestamp (a list, an object, null first). */
    public static final class UnsupportedTypeException extends InvalidInputException {
        public UnsupportedTypeException() {
            super(UNABLE_TO_CONVERT);
        }
    }

    /** One instant, in epoch nanoseconds. @see #parseAll(List, Clock) */
    public static long parse(Object raw) {
        return parse(raw, Clock.systemUTC());
    }

    public static long parse(Object raw, Clock clock) {
        return parseAll(List.of(raw == null ? NULL : raw), clock).get(0);
    }

    /**
     * Reads a batch of timestamps with Gnocchi's rule that the first value decides the format of all.
     *
     * @throws UnsupportedTypeException when the first value is null, a list or a map (Gnocchi: "unexpected measures format")
     * @throws InvalidInputException {@value #UNABLE_TO_CONVERT} or {@value #BEFORE_EPOCH}
     */
    public static List<Long> parseAll(List<?> raws, Clock clock) {
        if (raws.isEmpty()) {
            return List.of();
        }
        Object first = raws.get(0);
        List<Long> nanos;
        if (isNumeric(first)) {
            nanos = convertAll(raws, Timestamps::fromEpochSeconds);
        } else if (first instanceof CharSequence text && IsoDatetimes.parse(text.toString(), clock).isPresent()) {
            nanos = convertAll(raws, raw -> fromDatetime(raw, clock));
        } else if (first instanceof CharSequence) {
            // utcnow() has microsecond precision; every value of the batch is relative to the same instant.
            long now = epochNanos(clock.instant().truncatedTo(ChronoUnit.MICROS));
            nanos = convertAll(raws, raw -> fromRelative(raw, now));
        } else {
            throw new UnsupportedTypeException();
        }
        for (long instant : nanos) {
            if (instant < 0) {
                throw new InvalidInputException(BEFORE_EPOCH);
            }
        }
        return nanos;
    }

    /** Gnocchi's rendering: "2013-01-01T12:00:00+00:00", with ".ffffff" microseconds only when not zero. */
    public static String format(long nanos) {
        char[] out = new char[MAX_FORMATTED_LENGTH];
        return new String(out, 0, formatTo(nanos, out, 0));
    }

    /** The most characters {@link #formatTo} writes. */
    public static final int MAX_FORMATTED_LENGTH = 32;

    /**
     * {@link #format} written into {@code out} from {@code at} (at least {@link #MAX_FORMATTED_LENGTH} free): an
     * answer of thousands of rows writes them into its buffer without a String each.
     *
     * @return the position after the last character written
     */
    public static int formatTo(long nanos, char[] out, int at) {
        long micros = Math.floorDiv(nanos, 1_000L);
        long seconds = Math.floorDiv(micros, 1_000_000L);
        long fraction = Math.floorMod(micros, 1_000_000L);
        if (seconds >= FAST_FORMAT_FROM && seconds < FAST_FORMAT_UNTIL) {
            return formatFast(seconds, (int) fraction, out, at);
        }
        String text = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).format(SECONDS);
        if (fraction != 0) {
            text += String.format(".%06d", fraction);
        }
        text += "+00:00";
        text.getChars(0, text.length(), out, at);
        return at + text.length();
    }

    // Years 1970 to 9999: four-digit years, the only ones the fast path writes.
    private static final long FAST_FORMAT_FROM = 0L;
    private static final long FAST_FORMAT_UNTIL = 253_402_300_800L;

    /**
     * format() without java.time: a GET of 3,600 measures formats 3,600 timestamps, and the formatter was a
     * third of that request's CPU. Civil date from days since the epoch (Howard Hinnant's algorithm).
     */
    private static int formatFast(long seconds, int fractionMicros, char[] out, int at) {
        long days = seconds / 86_400;
        int secondOfDay = (int) (seconds % 86_400);
        long z = days + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        digits(out, at, year, 4);
        out[at + 4] = '-';
        digits(out, at + 5, month, 2);
        out[at + 7] = '-';
        digits(out, at + 8, day, 2);
        out[at + 10] = 'T';
        digits(out, at + 11, secondOfDay / 3_600, 2);
        out[at + 13] = ':';
        digits(out, at + 14, secondOfDay / 60 % 60, 2);
        out[at + 16] = ':';
        digits(out, at + 17, secondOfDay % 60, 2);
        at += 19;
        if (fractionMicros != 0) {
            out[at] = '.';
            digits(out, at + 1, fractionMicros, 6);
            at += 7;
        }
        "+00:00".getChars(0, 6, out, at);
        return at + 6;
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final Object NULL = new Object();

    private interface Conversion {
        long apply(Object raw);
    }

    private static List<Long> convertAll(List<?> raws, Conversion conversion) {
        List<Long> nanos = new ArrayList<>(raws.size());
        for (Object raw : raws) {
            nanos.add(conversion.apply(raw == NULL ? null : raw));
        }
        return nanos;
    }

    private static boolean isNumeric(Object raw) {
        return raw instanceof Number || raw instanceof Boolean
                || (raw instanceof CharSequence text && PythonFloats.parse(text.toString()).isPresent());
    }

    private static long fromEpochSeconds(Object raw) {
        double seconds;
        if (raw instanceof Boolean flag) {
            seconds = flag ? 1 : 0;
        } else if (raw instanceof Number number) {
            seconds = number.doubleValue();
        } else if (raw instanceof CharSequence text) {
            OptionalDouble parsed = PythonFloats.parse(text.toString());
            if (parsed.isEmpty()) {
                throw new InvalidInputException(UNABLE_TO_CONVERT);
            }
            seconds = parsed.getAsDouble();
        } else {
            throw new InvalidInputException(UNABLE_TO_CONVERT);
        }
        double nanos = seconds * 1e9;
        if (Double.isNaN(nanos) || nanos >= TWO_TO_63 || nanos < -TWO_TO_63) {
            throw new InvalidInputException(UNABLE_TO_CONVERT);
        }
        return (long) nanos;
    }

    private static long fromDatetime(Object raw, Clock clock) {
        BigInteger nanos;
        if (raw instanceof CharSequence text) {
            nanos = IsoDatetimes.parse(text.toString(), clock)
                    .map(IsoDatetimes.Parsed::nanos)
                    .orElse(null);
        } else if (raw instanceof Boolean flag) {
            nanos = flag ? BigInteger.ONE : BigInteger.ZERO;
        } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte
                || raw instanceof BigInteger) {
            // numpy casts a bare integer next to date-times as a count of the target unit: nanoseconds.
            nanos = new BigInteger(raw.toString());
        } else {
            nanos = null;
        }
        if (nanos == null || nanos.compareTo(LONG_MAX) > 0) {
            throw new InvalidInputException(UNABLE_TO_CONVERT);
        }
        // Far in the past is simply before the epoch (numpy would wrap it around into the future).
        return nanos.signum() < 0 ? -1 : nanos.longValueExact();
    }

    private static long fromRelative(Object raw, long now) {
        if (raw instanceof List<?> || raw instanceof Map<?, ?>) {
            throw new UnsupportedTypeException();
        }
        long offset;
        try {
            offset = Timespans.parseSigned(raw);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(UNABLE_TO_CONVERT);
        }
        try {
            return Math.addExact(now, offset);
        } catch (ArithmeticException e) {
            throw new InvalidInputException(UNABLE_TO_CONVERT);
        }
    }

    private static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}

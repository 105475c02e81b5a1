package org.polenta.core.time;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.text.PythonFloats;

/**
 * Durations as Gnocchi reads and writes them. Reading follows utils.to_timespan: a number (or numeric text) is
 * seconds, anything else a time expression ("1 hour", "30 days", "1h", "1:30"); the seconds are then scaled to
 * nanoseconds with the same double arithmetic (so "0.3" is 299999999 ns, exactly as in Gnocchi). Writing follows
 * Python's str(timedelta), which is how archive policy definitions are shown ("0:01:00", "1 day, 0:00:00").
 */
public final class Timespans {

    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final double TWO_TO_63 = 0x1p63;

    private Timespans() {
    }

    /**
     * A strictly positive duration in nanoseconds.
     *
     * @throws InvalidInputException "Invalid timespan" (null), "Unable to parse timespan", "Timespan must be positive"
     */
    public static long parse(Object raw) {
        long nanos = parseSigned(raw);
        if (nanos <= 0) {
            throw new InvalidInputException("Timespan must be positive");
        }
        return nanos;
    }

    /** Like {@link #parse(Object)} but zero and negative durations are allowed (relative timestamps use this). */
    public static long parseSigned(Object raw) {
        if (raw == null) {
            throw new InvalidInputException("Invalid timespan");
        }
        return toNanos(seconds(raw));
    }

    /** Seconds as a double, the way Gnocchi turns a granularity into a number (e.g. for "1.0" in messages). */
    public static double seconds(long nanos) {
        return (double) nanos / NANOS_PER_SECOND;
    }

    /** Python's repr of the float seconds, as Gnocchi prints a granularity in messages: "1.0", "0.5", "3600.0". */
    public static String secondsText(long nanos) {
        return PythonFloatText.repr(seconds(nanos));
    }

    /** Python's str(datetime.timedelta(seconds=...)) of the duration, rounded to microseconds as Python rounds it. */
    public static String format(long nanos) {
        long micros = PythonTimedelta.microseconds(seconds(nanos));
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long rest = Math.floorMod(micros, MICROS_PER_DAY);
        long fraction = rest % 1_000_000L;
        long secondsOfDay = rest / 1_000_000L;
        String clock = String.format("%d:%02d:%02d", secondsOfDay / 3600, secondsOfDay / 60 % 60, secondsOfDay % 60);
        if (fraction != 0) {
            clock += String.format(".%06d", fraction);
        }
        if (days != 0) {
            clock = days + (Math.abs(days) != 1 ? " days, " : " day, ") + clock;
        }
        return clock;
    }

    private static Number seconds(Object raw) {
        if (raw instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        if (raw instanceof Number number) {
            return number;
        }
        if (!(raw instanceof CharSequence)) {
            throw new InvalidInputException("Unable to parse timespan");
        }
        String text = raw.toString();
        OptionalDouble number = PythonFloats.parse(text);
        if (number.isPresent()) {
            return number.getAsDouble();
        }
        Optional<Number> expression = TimeExpressions.parse(text);
        return expression.orElseThrow(() -> new InvalidInputException("Unable to parse timespan"));
    }

    /** int(seconds * 10e8) as Python computes it: the product is a double, then truncated. */
    static long toNanos(Number seconds) {
        double value = seconds instanceof BigInteger big ? big.doubleValue() : seconds.doubleValue();
        double nanos = value * 1e9;
        if (Double.isNaN(nanos)) {
            throw new InvalidInputException("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(nanos)) {
            throw new InvalidInputException("cannot convert float infinity to integer");
        }
        if (nanos >= TWO_TO_63 || nanos < -TWO_TO_63) {
            throw new InvalidInputException("Timespan out of range");
        }
        return (long) nanos;
    }
}

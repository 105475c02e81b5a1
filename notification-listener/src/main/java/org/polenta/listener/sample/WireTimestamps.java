package org.polenta.listener.sample;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamps Ceilometer and oslo.messaging put on the bus: ISO 8601 with 'T' or a space between date and
 * time, microseconds or none, and either no zone (UTC implied, Python's naive datetimes) or an offset.
 *
 * <p>Deliberately strict, unlike the API's parser: "now" or "-1 day" in a sample is a broken sender, and the
 * message must be dead-lettered rather than filed at whatever time it happens to be read.
 */
public final class WireTimestamps {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?"
                    + "(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

    private WireTimestamps() {
    }

    /**
     * @return epoch nanoseconds
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static long parse(String text) {
        Matcher m = ISO.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ISO 8601 timestamp: " + text);
        }
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                String digits = (m.group(7) + "00000000").substring(0, 9);
                nanos = Integer.parseInt(digits);
            }
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            ZoneOffset offset = offset(m.group(8));
            long seconds = local.toEpochSecond(offset);
            if (seconds < 0) {
                throw new IllegalArgumentException("timestamp before the epoch: " + text);
            }
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid timestamp: " + text, e);
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

package org.polenta.listener.sample;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The timestamps Ceilometer and oslo.messaging put on the bus: ISO 8601 with 'T' or a space between date and
 * time, microseconds or none, and either no zone (UTC implied, Python's naive datetimes) or an offset:
 * {@code YYYY-MM-DD[T ]hh:mm[:ss[.f{1,9}]][Z|±hh[[:]mm]]}.
 *
 * <p>Deliberately strict, unlike the API's parser: "now" or "-1 day" in a sample is a broken sender, and the
 * message must be dead-lettered rather than filed at whatever time it happens to be read.
 *
 * <p>Read by hand rather than with a regular expression: every sample carries one, and the expression's matching
 * was a fifth of the listener's consumer thread.
 */
public final class WireTimestamps {

    private WireTimestamps() {
    }

    /**
     * @return epoch nanoseconds
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static long parse(String text) {
        String t = text.trim();
        Cursor c = new Cursor(t);
        int year = c.digits(4);
        c.expect('-');
        int month = c.digits(2);
        c.expect('-');
        int day = c.digits(2);
        if (!c.accept('T') && !c.accept(' ')) {
            throw notIso(text);
        }
        int hour = c.digits(2);
        c.expect(':');
        int minute = c.digits(2);
        int second = 0;
        int nanos = 0;
        if (c.accept(':')) {
            second = c.digits(2);
            if (c.accept('.')) {
                int start = c.position;
                nanos = c.fraction();
                if (c.position == start) {
                    throw notIso(text);
                }
            }
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (c.accept('Z') || c.accept('z')) {
            offset = ZoneOffset.UTC;
        } else if (c.peek() == '+' || c.peek() == '-') {
            int sign = c.next() == '-' ? -1 : 1;
            int hours = c.digits(2);
            int minutes = 0;
            if (c.accept(':')) {
                minutes = c.digits(2);
            } else if (c.more()) {
                minutes = c.digits(2);
            }
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("invalid timestamp: " + text, e);
            }
        }
        if (c.more()) {
            throw notIso(text);
        }
        try {
            long seconds = LocalDateTime.of(year, month, day, hour, minute, second, nanos).toEpochSecond(offset);
            if (seconds < 0) {
                throw new IllegalArgumentException("timestamp before the epoch: " + text);
            }
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid timestamp: " + text, e);
        }
    }

    private static IllegalArgumentException notIso(String text) {
        return new IllegalArgumentException("not an ISO 8601 timestamp: " + text);
    }

    /** A position in the text; every method that consumes throws "not ISO 8601" when the text does not fit. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean more() {
            return position < text.length();
        }

        char peek() {
            return more() ? text.charAt(position) : '\0';
        }

        char next() {
            return text.charAt(position++);
        }

        boolean accept(char expected) {
            if (peek() == expected && more()) {
                position++;
                return true;
            }
            return false;
        }

        void expect(char expected) {
            if (!accept(expected)) {
                throw notIso(text);
            }
        }

        /** Exactly n ASCII digits, as a number. */
        int digits(int n) {
            int value = 0;
            for (int i = 0; i < n; i++) {
                char ch = peek();
                if (ch < '0' || ch > '9') {
                    throw notIso(text);
                }
                value = value * 10 + (ch - '0');
                position++;
            }
            return value;
        }

        /** One to nine digits of a fraction of a second, as nanoseconds; none read leaves the position. */
        int fraction() {
            int value = 0;
            int n = 0;
            while (n < 9 && peek() >= '0' && peek() <= '9') {
                value = value * 10 + (next() - '0');
                n++;
            }
            for (int i = n; i < 9; i++) {
                value *= 10;
            }
            return value;
        }
    }
}

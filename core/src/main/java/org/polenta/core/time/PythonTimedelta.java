package org.polenta.core.time;

/**
 * How datetime.timedelta(seconds=x) turns a float into whole microseconds: the integral and fractional parts are
 * taken apart exactly, and the leftover below a microsecond is rounded half to even against the running total
 * (CPython's delta_new / accum).
 */
final class PythonTimedelta {

    private PythonTimedelta() {
    }

    static long microseconds(double seconds) {
        double integral = seconds < 0 ? Math.ceil(seconds) : Math.floor(seconds);
        double fraction = seconds - integral;
        long total = (long) integral * 1_000_000L;
        if (fraction == 0) {
            return total;
        }
        double scaled = 1e6 * fraction;
        double scaledIntegral = scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled);
        total += (long) scaledIntegral;
        double leftover = scaled - scaledIntegral;
        if (leftover == 0) {
            return total;
        }
        double whole = roundHalfAwayFromZero(leftover);
        if (Math.abs(whole - leftover) == 0.5) {
            // A tie goes to the even total, as CPython does.
            long odd = total & 1;
            whole = 2.0 * roundHalfAwayFromZero((leftover + odd) * 0.5) - odd;
        }
        return total + (long) whole;
    }

    /** C's round(): halves away from zero. */
    private static double roundHalfAwayFromZero(double value) {
        return Math.signum(value) * Math.floor(Math.abs(value) + 0.5);
    }
}

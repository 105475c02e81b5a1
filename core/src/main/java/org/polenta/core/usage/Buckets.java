package org.polenta.core.usage;

/** The time an aggregate stands for: its bucket [timestamp, timestamp + granularity), cut to a period. */
final class Buckets {

    private Buckets() {
    }

    /** Nanoseconds of the bucket starting at t that lie within [from, to). */
    static long overlap(long t, long granularity, long from, long to) {
        long start = Math.max(t, from);
        long end = Math.min(t + granularity, to);
        return Math.max(0, end - start);
    }
}

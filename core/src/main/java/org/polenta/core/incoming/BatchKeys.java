package org.polenta.core.incoming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic batch keys: the same (time, name) always gives the same time-based UUID. The time part is the
 * given instant, so keyed batches of a metric are processed in time order; the rest of the UUID (clock sequence
 * and node) is a hash of the name, so two different names at the same instant get different keys.
 */
public final class BatchKeys {

    /** 100-nanosecond intervals between the Gregorian reform (UUID epoch) and the Unix epoch. */
    private static final long GREGORIAN_OFFSET = 0x01B21DD213814000L;

    private BatchKeys() {
    }

    /** @param epochNanos the batch's time, nanoseconds since the Unix epoch (sub-100ns precision is dropped) */
    public static UUID of(long epochNanos, String name) {
        long time = Math.floorDiv(epochNanos, 100L) + GREGORIAN_OFFSET;
        long msb = ((time & 0xFFFFFFFFL) << 32)          // time_low
                | (((time >>> 32) & 0xFFFFL) << 16)       // time_mid
                | 0x1000L                                 // version 1
                | ((time >>> 48) & 0x0FFFL);              // time_hi
        long lsb = hash(name);
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb);
    }

    private static long hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

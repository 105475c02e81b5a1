package org.polenta.storage.cassandra.points;

/** TTL arithmetic within Cassandra's limits. */
final class Ttl {

    /** Cassandra refuses TTLs above 20 years. */
    static final long MAX_SECONDS = 630_720_000L;

    private Ttl() {
    }

    /**
     * {@code seconds} (0 = forever) as a CQL TTL. A retention beyond Cassandra's maximum is kept forever
     * rather than cut short: keeping too much is recoverable, expiring what the policy promised is not.
     */
    static int of(long seconds) {
        if (seconds <= 0 || seconds > MAX_SECONDS) {
            return 0;
        }
        return (int) seconds;
    }
}

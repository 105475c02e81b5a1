package org.polenta.core.processor;

import java.time.Duration;

/**
 * Exclusive, expiring claims on sacks, so that several service instances share the processing and no two
 * process the same metric at once. A lease that is not renewed expires, so a dead instance's sacks are taken over.
 */
public interface SackLeases {

    /** Takes or renews the lease on {@code sack} for {@code owner}; false when another owner holds it. */
    boolean tryAcquire(int sack, String owner, Duration ttl);

    /** Gives the lease up if {@code owner} holds it. */
    void release(int sack, String owner);
}

package org.polenta.service.processing;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local lock to hold while processing a metric, so that one metric is processed by one thread of this
 * instance at a time (the sack lease does the same between instances). Locks are striped by metric: two metrics
 * of one sack are processed side by side, and two metrics that share a stripe merely wait for each other.
 */
public final class MetricLocks {

    private final ReentrantLock[] stripes;

    public MetricLocks(int stripes) {
        if (stripes < 1) {
            throw new IllegalArgumentException("stripes must be at least 1");
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    public ReentrantLock of(UUID metricId) {
        // The high bits: the sack is taken from the low bits, so these spread the metrics of one sack.
        int hash = Long.hashCode(metricId.getMostSignificantBits() ^ (metricId.getLeastSignificantBits() >>> 32));
        return stripes[Math.floorMod(hash, stripes.length)];
    }
}

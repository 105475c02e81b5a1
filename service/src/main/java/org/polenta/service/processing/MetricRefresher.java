package org.polenta.service.processing;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.PendingMeasures;
import org.polenta.core.metric.Metric;
import org.polenta.service.errors.ApiException;

/**
 * refresh=true: the metric's backlog is aggregated before the read answers. Processed here when this instance
 * holds (or can take) the sack's lease; otherwise waits until the lease holder has processed the batches that
 * were pending at the start, and answers 503 as Gnocchi does if that takes longer than the timeout.
 */
public final class MetricRefresher {

    private static final long POLL_MILLIS = 100;

    private final IncomingMeasures incoming;
    private final SackLeaseTable leases;
    private final MetricLocks locks;
    private final MetricProcessing processing;
    private final long timeoutMillis;

    public MetricRefresher(IncomingMeasures incoming, SackLeaseTable leases, MetricLocks locks,
                           MetricProcessing processing, long timeoutMillis) {
        this.incoming = incoming;
        this.leases = leases;
        this.locks = locks;
        this.processing = processing;
        this.timeoutMillis = timeoutMillis;
    }

    public void refresh(Metric metric) {
        PendingMeasures initial = incoming.pending(metric.id());
        if (initial.isEmpty()) {
            return;
        }
        int sack = incoming.sackOf(metric.id());
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (true) {
                if (leases.hold(sack)) {
                    ReentrantLock lock = locks.of(metric.id());
                    if (lock.tryLock(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
                        try {
                            processing.process(metric);
                            return;
                        } finally {
                            lock.unlock();
                        }
                    }
                } else if (processedElsewhere(metric, initial)) {
                    return;
                }
                if (System.currentTimeMillis() >= deadline) {
                    throw locked(metric);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw locked(metric);
        }
    }

    private boolean processedElsewhere(Metric metric, PendingMeasures initial) {
        Set<Object> still = new HashSet<>(incoming.pending(metric.id()).batchIds());
        return initial.batchIds().stream().noneMatch(still::contains);
    }

    private static ApiException locked(Metric metric) {
        return new ApiException(503, "Unable to refresh metric: " + metric.id()
                + ". Metric is locked. Please try again.");
    }
}

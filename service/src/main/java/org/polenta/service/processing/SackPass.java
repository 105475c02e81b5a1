package org.polenta.service.processing;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.polenta.core.incoming.IncomingMeasures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One pass over a sack: take its lease, find the metrics with pending measures, process each. */
public final class SackPass {

    private static final Logger LOG = LoggerFactory.getLogger(SackPass.class);

    private final IncomingMeasures incoming;
    private final SackLeaseTable leases;
    private final MetricProcessing processing;
    private final int metricsPerPass;

    public SackPass(IncomingMeasures incoming, SackLeaseTable leases, MetricProcessing processing, int metricsPerPass) {
        this.incoming = incoming;
        this.leases = leases;
        this.processing = processing;
        this.metricsPerPass = metricsPerPass;
    }

    /** @return how many metrics were found pending (a full pass suggests running again soon) */
    public int run(int sack) {
        if (!leases.hold(sack)) {
            return 0;
        }
        Set<UUID> pending;
        try {
            pending = incoming.metricsWithPending(sack, metricsPerPass);
        } catch (RuntimeException e) {
            LOG.warn("could not list the backlog of sack {}: {}", sack, e.toString());
            return 0;
        }
        for (UUID metric : pending) {
            // Renewed as the pass goes, so that a long pass never runs on an expired lease.
            if (Thread.currentThread().isInterrupted() || !leases.hold(sack)) {
                break;
            }
            ReentrantLock lock = leases.lock(sack);
            lock.lock();
            try {
                processing.process(metric);
            } catch (RuntimeException e) {
                // The batches stay pending: the next pass retries them.
                LOG.warn("processing metric {} failed, its measures stay pending: {}", metric, e.toString(), e);
            } finally {
                lock.unlock();
            }
        }
        return pending.size();
    }
}

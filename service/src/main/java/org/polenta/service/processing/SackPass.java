package org.polenta.service.processing;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.QuietSacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over a sack: take its lease, find the metrics with pending measures, process them, up to
 * {@code metricsInParallel} at a time. A run is a chain of Cassandra round trips that keeps a core idle most of
 * the time, so running the metrics of a sack side by side multiplies what a processor thread gets done.
 */
public final class SackPass {

    private static final Logger LOG = LoggerFactory.getLogger(SackPass.class);

    private final IncomingMeasures incoming;
    private final SackLeaseTable leases;
    private final MetricLocks locks;
    private final MetricProcessing processing;
    private final int metricsPerPass;
    private final Executor runner;
    private final int metricsInParallel;
    private final QuietSacks quiet;

    /**
     * @param runner runs the metrics of a pass; it needs threads enough for every processor thread's
     *               {@code metricsInParallel} runs, or passes wait for one another
     */
    public SackPass(IncomingMeasures incoming, SackLeaseTable leases, MetricLocks locks, MetricProcessing processing,
                    int metricsPerPass, Executor runner, int metricsInParallel) {
        if (metricsInParallel < 1) {
            throw new IllegalArgumentException("metricsInParallel must be at least 1");
        }
        this.incoming = incoming;
        this.leases = leases;
        this.locks = locks;
        this.processing = processing;
        this.metricsPerPass = metricsPerPass;
        this.runner = runner;
        this.metricsInParallel = metricsInParallel;
        this.quiet = new QuietSacks(incoming.sackCount());
    }

    /**
     * The writers' announcements per sack ({@link IncomingMeasures#activeUntil()}), for one scan over many sacks;
     * when they cannot be read, every sack counts as announced.
     */
    public long[] announcements() {
        try {
            return incoming.activeUntil();
        } catch (RuntimeException e) {
            LOG.debug("could not read the sacks' announcements: {}", e.toString());
            long[] unknown = new long[incoming.sackCount()];
            Arrays.fill(unknown, Long.MAX_VALUE);
            return unknown;
        }
    }

    /**
     * Runs a pass over the sack unless it was found empty and no writer has announced it since: an empty sack's
     * partition still holds the tombstones of its processed rows, and scans come every second.
     *
     * @return what {@link #run} returned, or 0 when the sack was skipped
     */
    public int runIfDue(int sack, long[] announcements, long nowMillis) {
        if (!quiet.mustLook(sack, announcements[sack], nowMillis)) {
            return 0;
        }
        return run(sack);
    }

    /** @return how many metrics were found pending (a full pass suggests running again soon) */
    public int run(int sack) {
        if (!leases.hold(sack)) {
            return 0;
        }
        long startedAt = System.currentTimeMillis();
        Set<UUID> pending;
        try {
            pending = incoming.metricsWithPending(sack, metricsPerPass);
        } catch (RuntimeException e) {
            LOG.warn("could not list the backlog of sack {}: {}", sack, e.toString());
            return 0;
        }
        // Found empty: skipped until announced. Found busy: looked at again on the next scan, whatever it gets.
        quiet.looked(sack, startedAt, pending.isEmpty());
        Semaphore slots = new Semaphore(metricsInParallel);
        try {
            for (UUID metric : pending) {
                slots.acquire();
                // Renewed as the pass goes, so that a long pass never runs on an expired lease.
                if (!leases.hold(sack)) {
                    slots.release();
                    break;
                }
                try {
                    runner.execute(() -> {
                        try {
                            processLocked(metric);
                        } finally {
                            slots.release();
                        }
                    });
                } catch (RejectedExecutionException shuttingDown) {
                    slots.release();
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // The pass ends once its runs have: the caller may give the lease up next (shutdown).
            slots.acquireUninterruptibly(metricsInParallel);
        }
        return pending.size();
    }

    private void processLocked(UUID metric) {
        ReentrantLock lock = locks.of(metric);
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
}

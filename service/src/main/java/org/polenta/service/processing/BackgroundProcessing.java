package org.polenta.service.processing;

import io.dropwizard.lifecycle.Managed;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.polenta.service.config.ProcessingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor threads inside the service. Worker w scans its sacks (s % threads == w) every scan interval,
 * skipping those found empty that no writer has announced since (see {@link SackPass#runIfDue}), and sooner
 * the sacks this instance just accepted measures for (see {@link ProcessingHints}).
 */
public final class BackgroundProcessing implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundProcessing.class);

    private final ProcessingConfig config;
    private final SackLeaseTable leases;
    private final SackPass pass;
    private final ProcessingHints hints;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public BackgroundProcessing(ProcessingConfig config, SackLeaseTable leases, SackPass pass, ProcessingHints hints) {
        this.config = config;
        this.leases = leases;
        this.pass = pass;
        this.hints = hints;
    }

    @Override
    public void start() {
        running = true;
        for (int w = 0; w < config.getThreads(); w++) {
            int worker = w;
            Thread t = new Thread(() -> loop(worker), "polenta-processor-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        if (config.getThreads() > 0) {
            Thread keeper = new Thread(this::keepLeases, "polenta-lease-keeper");
            keeper.setDaemon(true);
            threads.add(keeper);
            keeper.start();
        }
        LOG.info("{} processor threads started as {}", config.getThreads(), leases.owner());
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            t.join(10_000);
        }
        threads.clear();
        leases.releaseAll();
    }

    private void loop(int worker) {
        int workers = config.getThreads();
        long nextFullScan = 0;
        while (running) {
            try {
                long now = System.currentTimeMillis();
                if (now >= nextFullScan) {
                    boolean busy = false;
                    long[] announcements = pass.announcements();
                    for (int sack = worker; sack < leases.sacks() && running; sack += workers) {
                        busy |= pass.runIfDue(sack, announcements, now) >= config.getMetricsPerPass();
                    }
                    nextFullScan = busy ? now : now + config.getScanIntervalMillis();
                    continue;
                }
                BitSet hinted = hints.await(worker, nextFullScan - now);
                if (hinted.isEmpty()) {
                    continue;
                }
                // A short pause lets the rest of a burst of POSTs arrive, so they are aggregated in one run.
                Thread.sleep(config.getHintDelayMillis());
                hinted.or(hints.drain(worker));
                for (int sack = hinted.nextSetBit(0); sack >= 0 && running; sack = hinted.nextSetBit(sack + 1)) {
                    pass.run(sack);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("processor {} pass failed: {}", worker, e.toString(), e);
                sleepQuietly(config.getScanIntervalMillis());
            }
        }
    }

    /** Renews held leases a few times per half lease, so that none runs out while its worker is busy. */
    private void keepLeases() {
        long period = Math.max(1_000, config.getLeaseSeconds() * 1000 / 6);
        while (running) {
            try {
                Thread.sleep(period);
                leases.renewHeld();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("renewing the sack leases failed: {}", e.toString());
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

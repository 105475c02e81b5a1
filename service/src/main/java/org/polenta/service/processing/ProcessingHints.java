package org.polenta.service.processing;

import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sacks that received measures through this instance, so that its processors handle them at once instead of
 * at the next full scan. Worker w owns the sacks s with s % workers == w.
 */
public final class ProcessingHints {

    private final int workers;
    private final BitSet[] hinted;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition[] signals;

    public ProcessingHints(int workers, int sacks) {
        this.workers = Math.max(1, workers);
        this.hinted = new BitSet[this.workers];
        this.signals = new Condition[this.workers];
        for (int w = 0; w < this.workers; w++) {
            hinted[w] = new BitSet(sacks);
            signals[w] = lock.newCondition();
        }
    }

    public int workerOf(int sack) {
        return sack % workers;
    }

    public void accepted(int sack) {
        int w = workerOf(sack);
        lock.lock();
        try {
            hinted[w].set(sack);
            signals[w].signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to the timeout for hints to the worker; returns and clears them (empty on timeout). */
    public BitSet await(int worker, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (hinted[worker].isEmpty() && nanos > 0) {
                nanos = signals[worker].awaitNanos(nanos);
            }
            BitSet out = (BitSet) hinted[worker].clone();
            hinted[worker].clear();
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the hints that arrived meanwhile without waiting. */
    public BitSet drain(int worker) {
        lock.lock();
        try {
            BitSet out = (BitSet) hinted[worker].clone();
            hinted[worker].clear();
            return out;
        } finally {
            lock.unlock();
        }
    }
}

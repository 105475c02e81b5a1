package org.polenta.service.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list with at most {@code parallelism} items in progress at once, the calling thread one of the workers, and
 * answers as the sequential loop would: the results in order, or the exception of the first item (in order) that
 * failed. After a failure no further item starts; the items before it all finish, so the failure reported is the
 * one the sequential loop would have met first.
 *
 * <p>The caller works too, so a saturated pool slows a request down but can never leave it waiting for a worker
 * that does not start; and each request holds at most {@code parallelism - 1} pool threads, so one large request
 * does not queue everyone else's behind it.
 */
public final class BoundedParallel {

    private final Executor executor;
    private final int parallelism;

    public BoundedParallel(Executor executor, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.executor = executor;
        this.parallelism = parallelism;
    }

    /** One at a time, on the calling thread. */
    public static BoundedParallel sequential() {
        return new BoundedParallel(Runnable::run, 1);
    }

    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        int n = items.size();
        if (n <= 1 || parallelism == 1) {
            List<R> results = new ArrayList<>(n);
            for (T item : items) {
                results.add(function.apply(item));
            }
            return results;
        }
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch settled = new CountDownLatch(n);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    results[i] = function.apply(items.get(i));
                } catch (Throwable t) {
                    failures[i] = t;
                    // No item after this one starts; the ones not yet claimed are settled here.
                    int unclaimed = next.getAndSet(n);
                    for (int j = unclaimed; j < n; j++) {
                        settled.countDown();
                    }
                }
                settled.countDown();
            }
        };
        int helpers = Math.min(parallelism, n) - 1;
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                break;
            }
        }
        worker.run();
        boolean interrupted = false;
        while (true) {
            try {
                settled.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable t : failures) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return new ArrayList<>(list);
    }
}

package org.polenta.storage.cassandra.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Runs many asynchronous requests with at most {@code maxInFlight} outstanding: a batch POST for thousands of
 * metrics must not exceed the driver's per-connection request limit (1024) and fail for being too parallel.
 */
public final class BoundedAsync {

    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    private BoundedAsync() {
    }

    /** Starts every request, waits for all, and returns their results in order; the first failure is thrown. */
    public static <T> List<T> runAll(List<Supplier<CompletionStage<T>>> requests, int maxInFlight) {
        Semaphore permits = new Semaphore(maxInFlight);
        List<CompletableFuture<T>> started = new ArrayList<>(requests.size());
        for (Supplier<CompletionStage<T>> request : requests) {
            permits.acquireUninterruptibly();
            CompletableFuture<T> future;
            try {
                future = request.get().toCompletableFuture();
            } catch (RuntimeException e) {
                permits.release();
                throw e;
            }
            future.whenComplete((result, error) -> permits.release());
            started.add(future);
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        List<T> results = new ArrayList<>(started.size());
        for (CompletableFuture<T> future : started) {
            results.add(future.join());
        }
        return results;
    }

    public static <T> List<T> runAll(List<Supplier<CompletionStage<T>>> requests) {
        return runAll(requests, DEFAULT_MAX_IN_FLIGHT);
    }
}

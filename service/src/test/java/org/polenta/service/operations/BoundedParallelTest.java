package org.polenta.service.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedParallelTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void answersInOrder() {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        List<Integer> doubled = new BoundedParallel(pool, 8).map(items, i -> {
            if (i % 7 == 0) {
                Thread.yield();
            }
            return i * 2;
        });
        assertThat(doubled).isEqualTo(items.stream().map(i -> i * 2).toList());
    }

    @Test
    void neverRunsMoreThanItsParallelismAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        new BoundedParallel(pool, 3).map(IntStream.range(0, 200).boxed().toList(), i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return i;
        });
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void theFirstFailureInOrderWinsAndNothingAfterItStarts() {
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> new BoundedParallel(pool, 4).map(IntStream.range(0, 1000).boxed().toList(), i -> {
            started.incrementAndGet();
            if (i == 30 || i == 31) {
                throw new IllegalArgumentException("item " + i);
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 30");
        assertThat(started.get()).isLessThan(1000);
    }

    @Test
    void aSaturatedPoolStillFinishesOnTheCallersThread() {
        BoundedParallel parallel = new BoundedParallel(command -> { }, 8);   // a pool that never runs anything
        assertThat(parallel.map(List.of(1, 2, 3), i -> i + 1)).containsExactly(2, 3, 4);
    }

    @Test
    void sequentialIsAPlainLoop() {
        assertThat(BoundedParallel.sequential().map(List.of("a", "b"), String::toUpperCase)).containsExactly("A", "B");
    }
}

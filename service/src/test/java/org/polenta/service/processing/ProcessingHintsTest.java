package org.polenta.service.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ProcessingHintsTest {

    @Test
    void eachWorkerGetsTheSacksItOwns() throws InterruptedException {
        ProcessingHints hints = new ProcessingHints(2, 8);
        hints.accepted(3);
        hints.accepted(4);
        hints.accepted(5);
        BitSet odd = hints.await(1, 10);
        assertThat(odd.stream().toArray()).containsExactly(3, 5);
        assertThat(hints.drain(0).stream().toArray()).containsExactly(4);
        assertThat(hints.drain(0).isEmpty()).isTrue();
    }

    @Test
    void awaitWakesUpWhenMeasuresArrive() throws InterruptedException {
        ProcessingHints hints = new ProcessingHints(1, 4);
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            hints.accepted(2);
        });
        long start = System.nanoTime();
        producer.start();
        BitSet got = hints.await(0, 5_000);
        assertThat(got.get(2)).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
        producer.join();
    }

    @Test
    void awaitReturnsEmptyOnTimeout() throws InterruptedException {
        assertThat(new ProcessingHints(1, 4).await(0, 20).isEmpty()).isTrue();
    }
}

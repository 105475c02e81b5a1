package org.polenta.core.processor;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessingStatisticsTest {

    @Test
    void addsUpRunsAndIgnoresEmptyOnes() {
        ProcessingStatistics stats = new ProcessingStatistics();
        stats.record(new ProcessingResult(5, 2));
        stats.record(ProcessingResult.NOTHING);
        stats.record(new ProcessingResult(3, 0));
        assertThat(stats.measuresProcessed()).isEqualTo(8);
        assertThat(stats.lateMeasuresDropped()).isEqualTo(2);
        assertThat(stats.metricsProcessed()).isEqualTo(2);
    }

    @Test
    void countsEveryRunRecordedConcurrently() throws InterruptedException {
        ProcessingStatistics stats = new ProcessingStatistics();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 10_000; i++) {
            pool.execute(() -> stats.record(new ProcessingResult(3, 1)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stats.metricsProcessed()).isEqualTo(10_000);
        assertThat(stats.measuresProcessed()).isEqualTo(30_000);
        assertThat(stats.lateMeasuresDropped()).isEqualTo(10_000);
    }

    @Test
    void aResultCannotDropMoreThanItProcessed() {
        assertThatThrownBy(() -> new ProcessingResult(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

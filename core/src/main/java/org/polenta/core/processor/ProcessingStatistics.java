package org.polenta.core.processor;

import java.util.concurrent.atomic.LongAdder;

/** Running totals of the processing work since start, for /v1/status; safe to update from many threads. */
public final class ProcessingStatistics {

    private final LongAdder measuresProcessed = new LongAdder();
    private final LongAdder lateMeasuresDropped = new LongAdder();
    private final LongAdder metricsProcessed = new LongAdder();

    /** Adds one run; a run that found nothing pending does not count as a processed metric. */
    public void record(ProcessingResult result) {
        if (result.measuresProcessed() == 0) {
            return;
        }
        measuresProcessed.add(result.measuresProcessed());
        lateMeasuresDropped.add(result.lateMeasuresDropped());
        metricsProcessed.increment();
    }

    public long measuresProcessed() {
        return measuresProcessed.sum();
    }

    public long lateMeasuresDropped() {
        return lateMeasuresDropped.sum();
    }

    public long metricsProcessed() {
        return metricsProcessed.sum();
    }
}

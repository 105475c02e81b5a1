package org.polenta.core.incoming;

import java.util.List;
import java.util.UUID;

/**
 * The measures of one metric that wait for processing, one list per accepted POST, oldest POST first.
 * The grouping matters: within one POST the smallest value of a duplicated timestamp wins, across POSTs the
 * later one replaces the earlier (Gnocchi 4.4 behaviour). {@code batchIds} identify what to remove once processed.
 */
public record PendingMeasures(UUID metricId, List<Object> batchIds, List<List<Measure>> batches) {

    public PendingMeasures {
        batchIds = List.copyOf(batchIds);
        batches = List.copyOf(batches);
    }

    public boolean isEmpty() {
        return batches.isEmpty();
    }

    public int measureCount() {
        return batches.stream().mapToInt(List::size).sum();
    }
}

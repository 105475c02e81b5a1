package org.polenta.core.incoming;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Measures of one metric stored under a key the writer chose (see {@link BatchKeys}), so that writing the same
 * batch again, e.g. a message the bus delivers twice, replaces the pending copy instead of adding a second one.
 *
 * @param key a time-based (version 1) UUID: pending batches come back in the order of its time
 */
public record KeyedBatch(UUID metricId, UUID key, List<Measure> measures) {

    public KeyedBatch {
        Objects.requireNonNull(metricId, "metricId");
        Objects.requireNonNull(key, "key");
        if (key.version() != 1) {
            throw new IllegalArgumentException("a batch key must be a time-based UUID: " + key);
        }
        measures = List.copyOf(measures);
    }
}

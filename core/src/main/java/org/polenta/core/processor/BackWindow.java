package org.polenta.core.processor;

import org.polenta.core.aggregates.FixedGrouping;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.incoming.Measure;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Gnocchi 4.4's back_window rule (BoundTimeSerie.first_block_timestamp): relative to the newest timestamp
 * processed before this run, a measure older than the start of the block that is back_window blocks back is
 * too late. A block is the policy's coarsest granularity; rate methods get one more block, because Gnocchi keeps
 * one more block of raw points to derive them.
 */
final class BackWindow {

    private BackWindow() {
    }

    /** The oldest timestamp a new measure may have, or empty when nothing was processed yet (all accepted). */
    static OptionalLong oldestAccepted(ArchivePolicy policy, OptionalLong newestProcessed) {
        if (newestProcessed.isEmpty()) {
            return OptionalLong.empty();
        }
        long block = policy.maxGranularityNanos();
        long blocks = policy.backWindow() + (hasRateMethod(policy) ? 1L : 0L);
        return OptionalLong.of(FixedGrouping.floor(newestProcessed.getAsLong(), block) - block * blocks);
    }

    static boolean hasRateMethod(ArchivePolicy policy) {
        return policy.aggregationMethods().stream().anyMatch(m -> m.startsWith("rate:"));
    }

    /** The batches without their late measures, and how many were left out. */
    static Accepted filter(List<List<Measure>> batches, OptionalLong oldestAccepted) {
        if (oldestAccepted.isEmpty()) {
            return new Accepted(batches, 0);
        }
        long limit = oldestAccepted.getAsLong();
        List<List<Measure>> kept = new ArrayList<>(batches.size());
        int dropped = 0;
        for (List<Measure> batch : batches) {
            List<Measure> onTime = new ArrayList<>(batch.size());
            for (Measure m : batch) {
                if (m.timestampNanos() >= limit) {
                    onTime.add(m);
                } else {
                    dropped++;
                }
            }
            kept.add(onTime);
        }
        return new Accepted(kept, dropped);
    }

    record Accepted(List<List<Measure>> batches, int dropped) {
    }
}

package org.polenta.core.usage;

import java.util.Comparator;
import java.util.Optional;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;

/**
 * Which of a metric's aggregate series a usage report reads. Asked for a granularity, that one (a metric whose
 * policy lacks it is left out rather than read at another precision); otherwise the finest series that still
 * reaches back to the period's start (finer is more exact at the period's edges), or the coarsest when none does.
 */
public final class UsageGranularity {

    private UsageGranularity() {
    }

    public static Optional<ArchivePolicyItem> choose(ArchivePolicy policy, Long requested, long start, long now) {
        if (requested != null) {
            return policy.definition().stream().filter(i -> i.granularityNanos() == requested).findFirst();
        }
        Comparator<ArchivePolicyItem> finestFirst = Comparator.comparingLong(ArchivePolicyItem::granularityNanos);
        return policy.definition().stream().sorted(finestFirst)
                .filter(i -> i.timespanNanos() == null || now - i.timespanNanos() <= start)
                .findFirst()
                .or(() -> policy.definition().stream().max(finestFirst));
    }
}

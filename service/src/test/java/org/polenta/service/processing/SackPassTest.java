package org.polenta.service.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.PendingMeasures;
import org.polenta.core.incoming.QuietSacks;

/** Which sacks a full scan reads: the ones found empty are left alone until a writer announces them. */
class SackPassTest {

    /** An empty backlog that counts the sack reads and reports the announcements it is given. */
    static final class EmptyBacklog implements IncomingMeasures {
        final int[] reads = new int[4];
        final long[] activeUntil = new long[4];
        boolean announcementsUnreadable;

        @Override
        public int sackCount() {
            return 4;
        }

        @Override
        public void add(Map<UUID, List<Measure>> measuresByMetric) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addKeyed(Collection<KeyedBatch> batches) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<UUID> metricsWithPending(int sack, int limit) {
            reads[sack]++;
            return Set.of();
        }

        @Override
        public PendingMeasures pending(UUID metricId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(PendingMeasures processed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long[] activeUntil() {
            if (announcementsUnreadable) {
                throw new IllegalStateException("Cassandra is down");
            }
            return activeUntil.clone();
        }

        @Override
        public BacklogSummary summary() {
            throw new UnsupportedOperationException();
        }
    }

    private final EmptyBacklog backlog = new EmptyBacklog();
    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private final SackLeaseTableTest.MemoryLeases leases = new SackLeaseTableTest.MemoryLeases(clock);
    private final SackLeaseTable table = new SackLeaseTable(leases, "me", 4, Duration.ofSeconds(30), clock::get);
    private final SackPass pass = new SackPass(backlog, table, new MetricLocks(4), null, 100, Runnable::run, 2);

    private void scan() {
        long[] announcements = pass.announcements();
        for (int sack = 0; sack < 4; sack++) {
            pass.runIfDue(sack, announcements, System.currentTimeMillis());
        }
    }

    @Test
    void aSackFoundEmptyIsNotReadAgainUntilAWriterAnnouncesIt() {
        scan();
        scan();
        scan();
        assertThat(backlog.reads).containsExactly(1, 1, 1, 1);
        backlog.activeUntil[2] = System.currentTimeMillis() + 4_000;
        scan();
        assertThat(backlog.reads).containsExactly(1, 1, 2, 1);
    }

    @Test
    void unreadableAnnouncementsMeanEverySackIsRead() {
        scan();
        backlog.announcementsUnreadable = true;
        scan();
        assertThat(backlog.reads).containsExactly(2, 2, 2, 2);
    }

    @Test
    void aSackLeasedElsewhereIsNotRecordedAsEmpty() {
        leases.tryAcquire(1, "another instance", Duration.ofSeconds(30));
        scan();
        assertThat(backlog.reads).containsExactly(1, 0, 1, 1);
        leases.release(1, "another instance");
        clock.addAndGet(16_000);
        scan();
        assertThat(backlog.reads).as("taken over: read once, found empty").containsExactly(1, 1, 1, 1);
        scan();
        assertThat(backlog.reads).containsExactly(1, 1, 1, 1);
    }

    @Test
    void aQuietSackIsReadAgainAfterTheRecheckPeriod() {
        long[] none = new long[4];
        long now = System.currentTimeMillis();
        pass.runIfDue(0, none, now);
        pass.runIfDue(0, none, now + QuietSacks.RECHECK_MILLIS - 1_000);
        assertThat(backlog.reads[0]).isEqualTo(1);
        pass.runIfDue(0, none, now + QuietSacks.RECHECK_MILLIS + 1_000);
        assertThat(backlog.reads[0]).isEqualTo(2);
        assertThat(Arrays.stream(backlog.reads).sum()).isEqualTo(2);
    }
}

package org.polenta.storage.cassandra.incoming;

import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * The sack_activity markers: before rows are added to a sack, the sack is announced as active until a little
 * later, so that readers can skip the sacks that were empty when they last looked and announced nothing since.
 * An announcement covers {@link #SPAN_MILLIS}; a writer renews it only once less than {@link #RENEW_MILLIS} of
 * it is left, so a busy sack costs about one marker write per writer every five seconds, not one per backlog row.
 */
final class SackActivity {

    static final long SPAN_MILLIS = 10_000;
    static final long RENEW_MILLIS = 5_000;

    private final PreparedQuery announce;
    private final PreparedQuery all;
    private final AtomicLongArray announcedUntil;
    private final LongSupplier clockMillis;

    SackActivity(Cql cql, int sacks, LongSupplier clockMillis) {
        Cql.Queries queries = cql.queries("sack_activity.cql");
        this.announce = queries.get("announce");
        this.all = queries.get("all");
        this.announcedUntil = new AtomicLongArray(sacks);
        this.clockMillis = clockMillis;
    }

    /**
     * Records the sacks as active for the next {@link #SPAN_MILLIS}, unless this instance already did recently,
     * and returns once every needed marker is written: the caller writes its rows only after that.
     */
    void announce(Collection<Integer> sacks) {
        long now = clockMillis.getAsLong();
        long until = now + SPAN_MILLIS;
        List<Integer> due = new ArrayList<>();
        for (int sack : sacks) {
            if (announcedUntil.get(sack) - now < RENEW_MILLIS) {
                due.add(sack);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        Instant untilInstant = Instant.ofEpochMilli(until);
        List<Object[]> rows = new ArrayList<>(due.size());
        for (int sack : due) {
            rows.add(new Object[] {untilInstant, sack});
        }
        // Every marker is a row of the one sack_activity partition: one single-partition batch, one mutation.
        announce.executeUnloggedBatch(rows);
        for (int sack : due) {
            announcedUntil.accumulateAndGet(sack, until, Math::max);
        }
    }

    /**
     * Per sack, the latest time (epoch millis, the writers' clocks) until which rows announced so far may land;
     * 0 for a sack never announced. One single-partition read.
     */
    long[] activeUntil() {
        long[] until = new long[announcedUntil.length()];
        for (Row row : all.execute()) {
            int sack = row.getInt(0);
            Instant at = row.getInstant(1);
            if (sack >= 0 && sack < until.length && at != null) {
                until[sack] = at.toEpochMilli();
            }
        }
        return until;
    }
}

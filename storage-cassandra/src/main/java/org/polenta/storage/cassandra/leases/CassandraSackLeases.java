package org.polenta.storage.cassandra.leases;

import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Duration;
import java.util.Optional;
import org.polenta.core.processor.SackLeases;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * Sack leases as rows with a TTL, changed only by lightweight transactions (Paxos), so that two instances
 * racing for a sack cannot both win, and a lease that is not renewed expires with its row.
 */
public final class CassandraSackLeases implements SackLeases {

    private final PreparedQuery acquire;
    private final PreparedQuery renew;
    private final PreparedQuery release;
    private final PreparedQuery ownerOf;

    public CassandraSackLeases(Cql cql) {
        Cql.Queries queries = cql.queries("sack_leases.cql");
        acquire = queries.get("acquire");
        renew = queries.get("renew");
        release = queries.get("release");
        ownerOf = queries.get("owner");
    }

    /** Renewal first (the steady state of a holder); a free sack is then claimed with IF NOT EXISTS. */
    @Override
    public boolean tryAcquire(int sack, String owner, Duration ttl) {
        int seconds = ttlSeconds(ttl);
        Optional<ResultSet> renewal = renew.executeConditional(seconds, owner, sack, owner);
        if (renewal.isEmpty()) {
            return holds(sack, owner);
        }
        if (renewal.get().wasApplied()) {
            return true;
        }
        // A failed condition returns the current owner, or only [applied] when there is no (live) row.
        Row current = renewal.get().one();
        if (current != null && current.getColumnDefinitions().contains("owner") && !current.isNull("owner")) {
            return false;
        }
        return acquire.executeConditional(sack, owner, seconds).map(ResultSet::wasApplied)
            .orElseGet(() -> holds(sack, owner));
    }

    /** After an outcome Cassandra could not report: whether the serial read finds this owner holding the sack. */
    private boolean holds(int sack, String owner) {
        Row row = ownerOf.executeSerial(sack).one();
        return row != null && owner.equals(row.getString("owner"));
    }

    @Override
    public void release(int sack, String owner) {
        release.execute(sack, owner);
    }

    /**
     * CQL TTLs are whole seconds, and Cassandra counts expiry from the current whole second, so a cell written
     * late in a second loses almost a second of its TTL. Rounding up and adding that second back means a lease
     * never ends before its holder expects (it may outlive that by a second, which only delays a takeover).
     */
    private static int ttlSeconds(Duration ttl) {
        long millis = ttl.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("lease ttl must be positive: " + ttl);
        }
        return (int) Math.min(Integer.MAX_VALUE - 1, (millis + 999) / 1000) + 1;
    }
}

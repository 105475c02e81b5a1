package org.polenta.storage.cassandra.leases;

import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Duration;
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

    public CassandraSackLeases(Cql cql) {
        Cql.Queries queries = cql.queries("sack_leases.cql");
        acquire = queries.get("acquire");
        renew = queries.get("renew");
        release = queries.get("release");
    }

    /** Renewal first (the steady state of a holder); a free sack is then claimed with IF NOT EXISTS. */
    @Override
    public boolean tryAcquire(int sack, String owner, Duration ttl) {
        int seconds = ttlSeconds(ttl);
        ResultSet renewal = renew.execute(seconds, owner, sack, owner);
        if (renewal.wasApplied()) {
            return true;
        }
        // A failed condition returns the current owner, or only [applied] when there is no (live) row.
        Row current = renewal.one();
        if (current != null && current.getColumnDefinitions().contains("owner") && !current.isNull("owner")) {
            return false;
        }
        return acquire.execute(sack, owner, seconds).wasApplied();
    }

    @Override
    public void release(int sack, String owner) {
        release.execute(sack, owner);
    }

    /** CQL TTLs are whole seconds; rounding up never shortens a lease below what was asked. */
    private static int ttlSeconds(Duration ttl) {
        long millis = ttl.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("lease ttl must be positive: " + ttl);
        }
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }
}

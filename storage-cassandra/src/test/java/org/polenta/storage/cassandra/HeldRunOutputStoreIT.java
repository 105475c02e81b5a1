package org.polenta.storage.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.RawPointStore;
import org.polenta.core.aggregates.RunOutputStore;
import org.polenta.core.contract.RunOutputStoreContract;

/** The contract again, with every sack held: what a run wrote is read back from the HeldStateCache. */
class HeldRunOutputStoreIT extends RunOutputStoreContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @BeforeEach
    void holdEverySack() {
        for (int sack = 0; sack < KEYSPACE.storage().incoming().sackCount(); sack++) {
            KEYSPACE.storage().sackTenures().held(sack, Long.MAX_VALUE);
        }
    }

    @Override
    protected RunOutputStore runOutput() {
        return KEYSPACE.storage().runOutput();
    }

    @Override
    protected AggregateStore aggregates() {
        return KEYSPACE.storage().aggregates();
    }

    @Override
    protected RawPointStore rawPoints() {
        return KEYSPACE.storage().rawPoints();
    }
}

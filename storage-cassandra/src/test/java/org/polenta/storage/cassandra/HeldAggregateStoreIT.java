package org.polenta.storage.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.contract.AggregateStoreContract;

/** The contract again, with every sack held: splits are merged with what the HeldStateCache holds. */
class HeldAggregateStoreIT extends AggregateStoreContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @BeforeEach
    void holdEverySack() {
        for (int sack = 0; sack < KEYSPACE.storage().incoming().sackCount(); sack++) {
            KEYSPACE.storage().sackTenures().held(sack, Long.MAX_VALUE);
        }
    }

    @Override
    protected AggregateStore aggregates() {
        return KEYSPACE.storage().aggregates();
    }
}

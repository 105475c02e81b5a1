package org.polenta.storage.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.aggregates.RawPointStore;
import org.polenta.core.contract.RawPointStoreContract;

/** The contract again, with every sack held: reads back come from the HeldStateCache. */
class HeldRawPointStoreIT extends RawPointStoreContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @BeforeEach
    void holdEverySack() {
        for (int sack = 0; sack < KEYSPACE.storage().incoming().sackCount(); sack++) {
            KEYSPACE.storage().sackTenures().held(sack, Long.MAX_VALUE);
        }
    }

    @Override
    protected RawPointStore rawPoints() {
        return KEYSPACE.storage().rawPoints();
    }
}

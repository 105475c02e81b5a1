package org.polenta.storage.cassandra;

import org.junit.jupiter.api.BeforeEach;

/** The contract again, with every sack held: what a run wrote is read back from the HeldStateCache. */
class HeldRunOutputStoreIT extends CassandraRunOutputStoreIT {

    @BeforeEach
    void holdEverySack() {
        for (int sack = 0; sack < KEYSPACE.storage().incoming().sackCount(); sack++) {
            KEYSPACE.storage().sackTenures().held(sack, Long.MAX_VALUE);
        }
    }
}

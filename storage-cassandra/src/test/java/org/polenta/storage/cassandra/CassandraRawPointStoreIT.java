package org.polenta.storage.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.contract.RawPointStoreContract;

class CassandraRawPointStoreIT extends RawPointStoreContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @Override
    protected org.polenta.core.aggregates.RawPointStore rawPoints() {
        return KEYSPACE.storage().rawPoints();
    }
}
